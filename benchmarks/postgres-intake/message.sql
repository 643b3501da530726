-- One message's intake as the host writes it: Marten's append function with MessageQueued and
-- MessageRouted, the Message read model, the content and Wolverine's DeliverMessage envelope.
-- `run` replaces @ID@ by an expression giving each message its own stream id. Every JSON colon
-- is followed by a space: pgbench reads ':name' as one of its variables.
select nightpos.mt_quick_append_events(
  @ID@, 'message', '*DEFAULT*',
  array[gen_random_uuid(), gen_random_uuid()],
  array['message_queued', 'message_routed']::varchar[],
  array['NightPos.Dispatch.Messages.MessageQueued, NightPos.Dispatch',
        'NightPos.Dispatch.Messages.MessageRouted, NightPos.Dispatch']::varchar[],
  array['{"messageId": "<0190a1b2c3d4e5f6a7b8c9d0e1f2a3b4@example.com>", "companyId": "c1",
          "from": "Alice Example <alice@example.com>", "replyTo": null,
          "recipients": [{"address": "bob@example.org", "kind": "to"}],
          "kind": "transactional", "serverId": null, "idempotencyKey": null,
          "queuedAt": "2026-12-04T10:00:00+00:00"}',
        '{"serverId": "0190a1b2-c3d4-e5f6-a7b8-c9d0e1f2a3b4", "serverName": "server 1",
          "headerFrom": "Alice Example <alice@example.com>",
          "envelopeFrom": "bounce@example.com", "replyTo": "catchall@example.com",
          "rule": "from_filter", "warnings": [],
          "explanation": "the server FROM filter example.com matches the author"}']::jsonb[],
  array[null, null]::bytea[], array[null, null]::jsonb[], array['sender', 'sender']::varchar[],
  array[now(), now()], null);
insert into nightpos.mt_doc_message (id, data, mt_version, mt_dotnet_type, mt_last_modified)
values (@ID@,
  '{"messageId": "<0190a1b2c3d4e5f6a7b8c9d0e1f2a3b4@example.com>", "companyId": "c1",
    "state": "queued", "serverId": "0190a1b2-c3d4-e5f6-a7b8-c9d0e1f2a3b4",
    "headerFrom": "Alice Example <alice@example.com>", "envelopeFrom": "bounce@example.com",
    "recipients": [{"address": "bob@example.org", "status": "pending"}], "attempts": 0}',
  2, 'NightPos.Dispatch.Messages.Message', now())
on conflict (id) do update
  set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = now();
insert into nightpos.mt_doc_messagecontent (id, data, mt_version, mt_dotnet_type, mt_last_modified)
values (@ID@,
  '{"subject": "Your invoice INV/2026/0001", "html": null,
    "text": "Dear customer, please find your invoice attached. Regards."}',
  gen_random_uuid(), 'NightPos.Dispatch.Messages.MessageContent', now())
on conflict (id) do update set data = excluded.data;
insert into nightpos.wolverine_incoming_envelopes
  (body, id, status, owner_id, execution_time, attempts, message_type, received_at)
values (decode(repeat('ab', 180), 'hex'), gen_random_uuid(), 'Incoming', 1, null, 0,
  'NightPos.Dispatch.Delivery.DeliverMessage', 'local://delivery/');
