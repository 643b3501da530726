using System.Text;
using static NightPos.Reliability.Tests.Corpus;

namespace NightPos.Reliability.Tests;

/// <summary>
/// The bad-input corpus for the mail routes (issue 7): sending, threads, followers, posts, the
/// inbox and inbound mail. Every request carries exactly one defect beside a sound baseline,
/// so that a request accepted by mistake shows up as a queued message or an appended event.
/// </summary>
internal static class MailCorpus
{
    private const string Message = """
        {"companyId":"{company}","from":"\"Ann\" <ann@corpus.example>",
        "to":["bob@example.com"],"subject":"Hello","text":"Hi"}
        """;

    private const string Thread = """
        {"companyId":"{company}","model":"sale.order","recordId":"corpus-new",
        "subject":"Corpus order"}
        """;

    private const string Follower = """
        {"name":"Ann","email":"ann@example.com","subtypes":["discussions"],
        "userPreference":"email"}
        """;

    private const string Post = """
        {"authorName":"Mary","authorEmail":"mary@example.com","body":"Hello",
        "subtype":"discussions"}
        """;

    private const string Followers = "/api/threads/{thread}/followers";
    private const string Posts = "/api/threads/{thread}/messages";

    private static readonly (string Route, string Baseline)[] JsonRoutes =
    [
        ("/api/messages", Message),
        ("/api/threads", Thread),
        (Followers, Follower),
        (Posts, Post),
    ];

    private static readonly string[] BrokenJson =
        ["{", "not json", """{"to":}""", """{"to":["a@b.example"]}}""", "\u0000"];

    /// <summary>CR, LF, CRLF header injection and NUL, appended to a sound value.</summary>
    private static readonly (string Name, string Suffix)[] Controls =
    [
        ("CR", "\rBcc: victim@evil.example"),
        ("LF", "\nBcc: victim@evil.example"),
        ("CRLF", "\r\nBcc: victim@evil.example"),
        ("NUL", "\u0000"),
    ];

    /// <summary>Values that are several mailboxes, a group, or no mailbox at all.</summary>
    private static readonly (string Name, string Value)[] NotOneMailbox =
    [
        ("two with a comma", "a@corpus.example, c@d.example"),
        ("two with a semicolon", "a@corpus.example; c@d.example"),
        ("two bracketed", "<a@corpus.example> <c@d.example>"),
        ("a group", "Team: a@corpus.example, c@d.example;"),
        ("a display name that looks like an address", "a@corpus.example <>"),
        ("no domain", "plainword"),
        ("no local part", "@corpus.example"),
        ("nothing after the at", "a@"),
        ("two ats", "a@b@corpus.example"),
        ("a space in the domain", "a@corpus example"),
        ("an empty domain label", "a@corpus..example"),
        ("blank", "  "),
    ];

    public static IEnumerable<BadRequest> All() =>
        BrokenBodies()
            .Concat(MessageControls())
            .Concat(MessageAddresses())
            .Concat(MessageSizes())
            .Concat(MessageWrongTypes())
            .Concat(MessageUnknowns())
            .Concat(ThreadRequests())
            .Concat(FollowerRequests())
            .Concat(PostRequests())
            .Concat(InboxRequests())
            .Concat(InboundRequests());

    private static IEnumerable<BadRequest> BrokenBodies()
    {
        foreach (var (route, baseline) in JsonRoutes)
        {
            foreach (var (body, index) in BrokenJson.Select((b, i) => (b, i)))
            {
                yield return new($"POST {route}: broken JSON #{index}",
                    "POST", route, body, 400, "Path");
            }

            yield return new($"POST {route}: JSON array instead of an object",
                "POST", route, "[]", 400, "JSON");
            yield return new($"POST {route}: plain text content",
                "POST", route, baseline, 415, "application/json", "text/plain");
        }
    }

    private static IEnumerable<BadRequest> MessageControls()
    {
        (string Field, string Path, string Sound)[] fields =
        [
            ("from", "from", "ann@corpus.example"),
            ("replyTo", "replyTo", "help@corpus.example"),
            ("subject", "subject", "Invoice 42"),
            ("to[0]", "to", "bob@example.com"),
            ("cc[0]", "cc", "cid@example.com"),
            ("bcc[0]", "bcc", "dan@example.com"),
            ("inReplyTo", "inReplyTo", "<a1@corpus.example>"),
            ("references[0]", "references", "<a1@corpus.example>"),
            ("idempotencyKey", "idempotencyKey", "corpus-key"),
        ];

        foreach (var (field, path, sound) in fields)
        {
            foreach (var (name, suffix) in Controls)
            {
                var value = Quote(sound + suffix);
                var raw = field.EndsWith("[0]") ? $"[{value}]" : value;
                yield return new($"POST /api/messages: {name} in {field}",
                    "POST", "/api/messages", With(Message, path, raw), 400, field);
            }
        }

        yield return new("POST /api/messages: NUL in text",
            "POST", "/api/messages", With(Message, "text", Quote("a\u0000b")), 400, "text");
        yield return new("POST /api/messages: NUL in html",
            "POST", "/api/messages", With(Message, "html", Quote("<p>a\u0000b</p>")), 400,
            "html");
    }

    private static IEnumerable<BadRequest> MessageAddresses()
    {
        foreach (var (name, value) in NotOneMailbox)
        {
            yield return new($"POST /api/messages: from is {name}",
                "POST", "/api/messages", With(Message, "from", Quote(value)), 400, "from");
            yield return new($"POST /api/messages: to[0] is {name}",
                "POST", "/api/messages", With(Message, "to", $"[{Quote(value)}]"), 400, "to[0]");
        }

        foreach (var (name, value) in NotOneMailbox.Take(4))
        {
            yield return new($"POST /api/messages: replyTo is {name}",
                "POST", "/api/messages", With(Message, "replyTo", Quote(value)), 400,
                "replyTo");
            yield return new($"POST /api/messages: the second cc is {name}",
                "POST", "/api/messages",
                With(Message, "cc", $"[\"cid@example.com\",{Quote(value)}]"), 400, "cc[1]");
            yield return new($"POST /api/messages: bcc[0] is {name}",
                "POST", "/api/messages", With(Message, "bcc", $"[{Quote(value)}]"), 400,
                "bcc[0]");
        }

        yield return new("POST /api/messages: no recipient at all",
            "POST", "/api/messages", Without(Message, "to"), 400, "to");
        yield return new("POST /api/messages: an empty to list",
            "POST", "/api/messages", With(Message, "to", "[]"), 400, "to");
        yield return new("POST /api/messages: empty to, cc and bcc",
            "POST", "/api/messages",
            With(With(With(Message, "to", "[]"), "cc", "[]"), "bcc", "[]"), 400, "to");
        yield return new("POST /api/messages: a recipient on an invalid IDNA domain",
            "POST", "/api/messages", With(Message, "to", "[\"bob@xn--a.com\"]"), 400, "to[0]");
    }

    private static IEnumerable<BadRequest> MessageSizes()
    {
        var megabyte = new string('s', 1024 * 1024);
        var tooBig = new string('t', 10 * 1024 * 1024 + 1);
        var recipients = Enumerable.Range(0, 101).Select(i => $"\"r{i}@example.com\"");
        var manyRecipients = $"[{string.Join(',', recipients)}]";
        var hugeList = "[" + string.Join(',', Enumerable.Repeat("\"r@example.com\"", 100_000))
            + "]";
        var references = Enumerable.Range(0, 101).Select(i => $"\"<r{i}@corpus.example>\"");

        yield return new("POST /api/messages: a subject of 999 characters",
            "POST", "/api/messages", With(Message, "subject", Quote(new string('s', 999))), 400,
            "subject");
        yield return new("POST /api/messages: a 1 MB subject",
            "POST", "/api/messages", With(Message, "subject", Quote(megabyte)), 400, "subject");
        yield return new("POST /api/messages: a text over 10 MB",
            "POST", "/api/messages", With(Message, "text", Quote(tooBig)), 400, "text");
        yield return new("POST /api/messages: an html over 10 MB",
            "POST", "/api/messages", With(Message, "html", Quote(tooBig)), 400, "html");
        yield return new("POST /api/messages: 101 recipients",
            "POST", "/api/messages", With(Message, "to", manyRecipients), 400, "to");
        yield return new("POST /api/messages: 100k recipients in bcc",
            "POST", "/api/messages", With(Message, "bcc", hugeList), 400, "to");
        yield return new("POST /api/messages: a 1 MB from",
            "POST", "/api/messages", With(Message, "from", Quote(megabyte + "@corpus.example")),
            400, "from");
        yield return new("POST /api/messages: a to with a local part of 65 characters",
            "POST", "/api/messages",
            With(Message, "to", $"[{Quote(new string('l', 65) + "@example.com")}]"), 400,
            "to[0]");
        yield return new("POST /api/messages: an idempotency key of 201 characters",
            "POST", "/api/messages", With(Message, "idempotencyKey", Quote(new string('k', 201))),
            400, "idempotencyKey");
        yield return new("POST /api/messages: an empty idempotency key",
            "POST", "/api/messages", With(Message, "idempotencyKey", "\"\""), 400,
            "idempotencyKey");
        yield return new("POST /api/messages: 101 references",
            "POST", "/api/messages",
            With(Message, "references", $"[{string.Join(',', references)}]"), 400, "references");
        yield return new("POST /api/messages: an In-Reply-To of 1000 characters",
            "POST", "/api/messages",
            With(Message, "inReplyTo", Quote("<" + new string('i', 1000) + "@corpus.example>")),
            400, "inReplyTo");
        yield return new("POST /api/messages: an In-Reply-To without an at",
            "POST", "/api/messages", With(Message, "inReplyTo", "\"<nothing-here>\""), 400,
            "inReplyTo");
    }

    private static IEnumerable<BadRequest> MessageWrongTypes()
    {
        (string Field, string Value)[] cases =
        [
            ("to", "\"bob@example.com\""),
            ("to", "[1]"),
            ("to", "{}"),
            ("cc", "\"cid@example.com\""),
            ("bcc", "true"),
            ("from", "[\"ann@corpus.example\"]"),
            ("subject", "5"),
            ("text", "[]"),
            ("html", "{}"),
            ("kind", "\"bulk\""),
            ("kind", "3"),
            ("companyId", "\"acme\""),
            ("companyId", "7"),
            ("serverId", "\"main\""),
            ("idempotencyKey", "7"),
            ("references", "\"<a@corpus.example>\""),
        ];

        return cases.Select(c => new BadRequest(
            $"POST /api/messages: {c.Field} = {c.Value}",
            "POST", "/api/messages", With(Message, c.Field, c.Value), 400, c.Field));
    }

    private static IEnumerable<BadRequest> MessageUnknowns()
    {
        yield return new("POST /api/messages: an unknown company",
            "POST", "/api/messages", With(Message, "companyId", "\"{unknown}\""), 404,
            "companyId");
        yield return new("POST /api/messages: an unknown server",
            "POST", "/api/messages", With(Message, "serverId", "\"{unknown}\""), 404,
            "serverId");
        yield return new("GET /api/messages/{unknown}",
            "GET", "/api/messages/{unknown}", null, 404, "{unknown}");
        yield return new("GET /api/messages/not-a-guid",
            "GET", "/api/messages/not-a-guid", null, 404, "not-a-guid");
    }

    private static IEnumerable<BadRequest> ThreadRequests()
    {
        foreach (var field in new[] { "model", "recordId", "subject" })
        {
            yield return new($"POST /api/threads: no {field}",
                "POST", "/api/threads", Without(Thread, field), 400, field);
            yield return new($"POST /api/threads: blank {field}",
                "POST", "/api/threads", With(Thread, field, "\"  \""), 400, field);
            foreach (var (name, suffix) in Controls)
            {
                yield return new($"POST /api/threads: {name} in {field}",
                    "POST", "/api/threads", With(Thread, field, Quote("corpus" + suffix)), 400,
                    field);
            }
        }

        yield return new("POST /api/threads: a model of 129 characters",
            "POST", "/api/threads", With(Thread, "model", Quote(new string('m', 129))), 400,
            "model");
        yield return new("POST /api/threads: a record id of 129 characters",
            "POST", "/api/threads", With(Thread, "recordId", Quote(new string('r', 129))), 400,
            "recordId");
        yield return new("POST /api/threads: a 1 MB subject",
            "POST", "/api/threads", With(Thread, "subject", Quote(new string('s', 1 << 20))),
            400, "subject");
        yield return new("POST /api/threads: model = 5",
            "POST", "/api/threads", With(Thread, "model", "5"), 400, "model");
        yield return new("POST /api/threads: recordId = []",
            "POST", "/api/threads", With(Thread, "recordId", "[]"), 400, "recordId");
        yield return new("POST /api/threads: companyId = \"acme\"",
            "POST", "/api/threads", With(Thread, "companyId", "\"acme\""), 400, "companyId");
        yield return new("POST /api/threads: an unknown company",
            "POST", "/api/threads", With(Thread, "companyId", "\"{unknown}\""), 404,
            "companyId");
        yield return new("POST /api/threads: a record that has a thread already",
            "POST", "/api/threads", With(Thread, "recordId", "\"corpus-1\""), 409, "recordId");
        yield return new("GET /api/threads/{unknown}",
            "GET", "/api/threads/{unknown}", null, 404, "{unknown}");
        yield return new("GET /api/threads/not-a-guid",
            "GET", "/api/threads/not-a-guid", null, 404, "not-a-guid");
    }

    private static IEnumerable<BadRequest> FollowerRequests()
    {
        foreach (var (name, value) in NotOneMailbox)
        {
            yield return new($"POST followers: email is {name}",
                "POST", Followers, With(Follower, "email", Quote(value)), 400, "email");
        }

        foreach (var (name, suffix) in Controls)
        {
            yield return new($"POST followers: {name} in name",
                "POST", Followers, With(Follower, "name", Quote("Ann" + suffix)), 400, "name");
            yield return new($"POST followers: {name} in email",
                "POST", Followers, With(Follower, "email", Quote("ann@example.com" + suffix)),
                400, "email");
            yield return new($"POST followers: {name} in a subtype",
                "POST", Followers, With(Follower, "subtypes", $"[{Quote("note" + suffix)}]"),
                400, "subtypes[0]");
        }

        yield return new("POST followers: no email",
            "POST", Followers, Without(Follower, "email"), 400, "email");
        yield return new("POST followers: no subtypes",
            "POST", Followers, Without(Follower, "subtypes"), 400, "subtypes");
        yield return new("POST followers: an empty subtype list",
            "POST", Followers, With(Follower, "subtypes", "[]"), 400, "subtypes");
        yield return new("POST followers: a subtype with a space",
            "POST", Followers, With(Follower, "subtypes", "[\"discussions\",\"a b\"]"), 400,
            "subtypes[1]");
        yield return new("POST followers: a subtype of 65 characters",
            "POST", Followers, With(Follower, "subtypes", $"[{Quote(new string('s', 65))}]"),
            400, "subtypes[0]");
        yield return new("POST followers: a name of 129 characters",
            "POST", Followers, With(Follower, "name", Quote(new string('n', 129))), 400, "name");
        yield return new("POST followers: userPreference = \"sms\"",
            "POST", Followers, With(Follower, "userPreference", "\"sms\""), 400,
            "userPreference");
        yield return new("POST followers: subtypes = \"discussions\"",
            "POST", Followers, With(Follower, "subtypes", "\"discussions\""), 400, "subtypes");
        yield return new("POST followers: email = 5",
            "POST", Followers, With(Follower, "email", "5"), 400, "email");
        yield return new("POST followers: an unknown thread",
            "POST", "/api/threads/{unknown}/followers", Follower, 404, "{unknown}");
        yield return new("POST followers: a thread id that is no id",
            "POST", "/api/threads/not-a-guid/followers", Follower, 404, "not-a-guid");
    }

    private static IEnumerable<BadRequest> PostRequests()
    {
        foreach (var (name, value) in NotOneMailbox)
        {
            yield return new($"POST posts: authorEmail is {name}",
                "POST", Posts, With(Post, "authorEmail", Quote(value)), 400, "authorEmail");
        }

        foreach (var (name, suffix) in Controls)
        {
            yield return new($"POST posts: {name} in authorName",
                "POST", Posts, With(Post, "authorName", Quote("Mary" + suffix)), 400,
                "authorName");
            yield return new($"POST posts: {name} in authorEmail",
                "POST", Posts, With(Post, "authorEmail", Quote("mary@example.com" + suffix)),
                400, "authorEmail");
            yield return new($"POST posts: {name} in subtype",
                "POST", Posts, With(Post, "subtype", Quote("discussions" + suffix)), 400,
                "subtype");
        }

        yield return new("POST posts: no authorEmail",
            "POST", Posts, Without(Post, "authorEmail"), 400, "authorEmail");
        yield return new("POST posts: no body",
            "POST", Posts, Without(Post, "body"), 400, "body");
        yield return new("POST posts: a blank body",
            "POST", Posts, With(Post, "body", "\" \\r\\n \""), 400, "body");
        yield return new("POST posts: a body over 100,000 characters",
            "POST", Posts, With(Post, "body", Quote(new string('b', 100_001))), 400, "body");
        yield return new("POST posts: an author name of 129 characters",
            "POST", Posts, With(Post, "authorName", Quote(new string('n', 129))), 400,
            "authorName");
        yield return new("POST posts: body = {}",
            "POST", Posts, With(Post, "body", "{}"), 400, "body");
        yield return new("POST posts: subtype = 1",
            "POST", Posts, With(Post, "subtype", "1"), 400, "subtype");
        yield return new("POST posts: an unknown thread",
            "POST", "/api/threads/{unknown}/messages", Post, 404, "{unknown}");
        yield return new("POST posts: a thread id that is no id",
            "POST", "/api/threads/not-a-guid/messages", Post, 404, "not-a-guid");
    }

    private static IEnumerable<BadRequest> InboxRequests()
    {
        (string Query, string Word)[] queries =
        [
            ("", "email"),
            ("?email=", "email"),
            ("?email=plainword", "email"),
            ("?email=a%40b%40corpus.example", "email"),
            ("?email=ann%40example.com%0D%0ABcc%3A%20x%40evil.example", "email"),
            ("?email=ann%40example.com%00", "email"),
            ("?email=ann%40example.com,bob%40example.com", "email"),
            ("?email=" + new string('a', 5000) + "%40example.com", "email"),
            ("?email=ann%40example.com&limit=0", "limit"),
            ("?email=ann%40example.com&limit=1001", "limit"),
            ("?email=ann%40example.com&limit=-5", "limit"),
            ("?email=ann%40example.com&limit=many", "limit"),
            ("?email=ann%40example.com&limit=99999999999", "limit"),
        ];

        return queries.Select(q => new BadRequest(
            $"GET /api/inbox{(q.Query.Length > 80 ? q.Query[..80] + "..." : q.Query)}",
            "GET", "/api/inbox" + q.Query, null, 400, q.Word));
    }

    private static IEnumerable<BadRequest> InboundRequests()
    {
        const string Rfc822 = "message/rfc822";
        var binary = new StringBuilder();
        var random = new Random(7);
        for (var i = 0; i < 4096; i++)
        {
            binary.Append((char)random.Next(0, 256));
        }

        (string Name, string Body, string Word)[] notEmail =
        [
            ("an empty body", "", "empty"),
            ("one word", "hello", "email"),
            ("a JSON document", """{"from":"a@b.example","text":"hi"}""", "email"),
            ("an HTML page", "<!doctype html><html><body>hi</body></html>", "email"),
            ("binary noise", binary.ToString(), "email"),
            ("a PNG header", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "email"),
            ("NUL bytes only", new string('\0', 512), "email"),
            ("headers without a From", "Subject: hi\r\nTo: a@b.example\r\n\r\nbody", "From"),
            ("a From of spaces", "From:   \r\nSubject: hi\r\n\r\nbody", "From"),
            ("only a blank line", "\r\n\r\n", "email"),
        ];

        foreach (var (name, body, word) in notEmail)
        {
            yield return new($"POST /api/inbound: {name}",
                "POST", "/api/inbound", body, 400, word, Rfc822);
        }

        var huge = "From: a@b.example\r\nSubject: big\r\n\r\n"
            + new string('x', 25 * 1024 * 1024 + 1);
        yield return new("POST /api/inbound: a message over 25 MB",
            "POST", "/api/inbound", huge, 413, "MaxInboundBytes", Rfc822);
        yield return new("POST /api/inbound: an email sent as JSON",
            "POST", "/api/inbound", "From: a@b.example\r\n\r\nhi", 415, Rfc822);
        yield return new("POST /api/inbound: an email sent as plain text",
            "POST", "/api/inbound", "From: a@b.example\r\n\r\nhi", 415, Rfc822, "text/plain");
    }
}
