using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Open SMTP connections kept per server and reused across messages, instead of one connection
/// per message; at most <c>NightPos:Delivery:ConnectionsPerServer</c> at once to any server.
/// Connections idle beyond <c>IdleConnectionTimeout</c> are closed, so that a server's own idle
/// timeout (RFC 5321 4.5.3.2) seldom meets a connection about to be used.
/// </summary>
public sealed partial class SmtpConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServerConnections> _servers = new();
    private readonly DeliverySettings _settings;
    private readonly CertificateValidator _validator;
    private readonly DefaultServerOptions _defaults;
    private readonly TimeProvider _clock;
    private readonly ILogger<SmtpConnectionPool> _logger;
    private readonly ITimer _sweeper;

    public SmtpConnectionPool(
        DeliverySettings settings,
        CertificateValidator validator,
        IOptions<DefaultServerOptions> defaults,
        TimeProvider clock,
        ILogger<SmtpConnectionPool> logger)
    {
        _settings = settings;
        _validator = validator;
        _defaults = defaults.Value;
        _clock = clock;
        _logger = logger;
        _sweeper = clock.CreateTimer(
            _ => CloseIdle(), null, settings.IdleConnectionTimeout, settings.IdleConnectionTimeout);
    }

    /// <summary>
    /// A connected, authenticated client for <paramref name="target"/>, reused when one is idle;
    /// give it back with <see cref="ReturnAsync"/>; <paramref name="fresh"/> asks for a new one.
    /// Throws <see cref="SmtpFailureException"/> when a new connection cannot be opened.
    /// </summary>
    public async Task<DeliveryClient> RentAsync(
        SmtpTarget target,
        IServerCredentials credentials,
        bool fresh,
        CancellationToken cancellation)
    {
        var server = _servers.GetOrAdd(target.Key, _ => new ServerConnections(_settings));
        await server.Slots.WaitAsync(cancellation);
        try
        {
            while (!fresh && server.TryTakeIdle(out var idle))
            {
                if (idle.IsConnected && !IsStale(idle))
                {
                    return idle;
                }

                await CloseAsync(idle);
            }

            return await OpenAsync(target, credentials, cancellation);
        }
        catch
        {
            server.Slots.Release();
            throw;
        }
    }

    public async ValueTask ReturnAsync(SmtpTarget target, DeliveryClient client)
    {
        var server = _servers[target.Key];
        try
        {
            if (client.IsConnected)
            {
                client.LastUsedAt = _clock.GetUtcNow();
                server.AddIdle(client);
            }
            else
            {
                await CloseAsync(client);
            }
        }
        finally
        {
            server.Slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        foreach (var server in _servers.Values)
        {
            foreach (var client in server.TakeAllIdle())
            {
                await CloseAsync(client);
            }
        }
    }

    private async Task<DeliveryClient> OpenAsync(
        SmtpTarget target,
        IServerCredentials credentials,
        CancellationToken cancellation)
    {
        var now = _clock.GetUtcNow();
        var client = new DeliveryClient(now)
        {
            LastUsedAt = now,
            Timeout = (int)_settings.CommandTimeout.TotalMilliseconds,
            ServerCertificateValidationCallback = _validator.For(target),
        };

        var phase = SmtpPhase.Connect;
        try
        {
            var needsSecrets =
                target.Login is SmtpLogin.ServerPassword or SmtpLogin.ServerCertificate;
            var secrets = needsSecrets && target.ServerId is { } id
                ? await credentials.GetAsync(id, cancellation)
                : null;
            if (target.Login is SmtpLogin.ServerCertificate)
            {
                client.ClientCertificates = [ClientCertificate(target, secrets)];
            }

            await client.ConnectAsync(
                target.Host, target.Port, SocketOptions(target.Encryption), cancellation);

            phase = SmtpPhase.Authenticate;
            await AuthenticateAsync(client, target, secrets, cancellation);
            LogOpened(target.Label, target.Host, target.Port);
            return client;
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested
            && SmtpFailures.ForException(e, phase) is { } failure)
        {
            client.Dispose();
            throw new SmtpFailureException(failure, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task AuthenticateAsync(
        DeliveryClient client,
        SmtpTarget target,
        ServerSecrets? secrets,
        CancellationToken cancellation)
    {
        switch (target.Login)
        {
            case SmtpLogin.DefaultServerPassword:
                await client.AuthenticateAsync(
                    target.Username ?? "", _defaults.Password ?? "", cancellation);
                break;
            case SmtpLogin.ServerPassword when secrets?.Password is { } password:
                await client.AuthenticateAsync(target.Username ?? "", password, cancellation);
                break;
            case SmtpLogin.ServerPassword:
                throw new SmtpFailureException(
                    SmtpFailure.Permanent(FailureTypes.Authentication,
                        "The server has no stored password; set one on the server record."),
                    new InvalidOperationException("No password."));
        }
    }

    private static X509Certificate ClientCertificate(SmtpTarget target, ServerSecrets? secrets)
    {
        if (target.Encryption is ServerEncryption.None
            || secrets is not { CertificatePem: { } pem, PrivateKeyPem: { } key })
        {
            var reason = target.Encryption is ServerEncryption.None
                ? "Certificate authentication needs encryption ssl or starttls."
                : "The server has no stored client certificate and key.";
            throw new SmtpFailureException(
                SmtpFailure.Permanent(FailureTypes.Authentication, reason),
                new InvalidOperationException(reason));
        }

        return X509Certificate2.CreateFromPem(pem, key);
    }

    // SPEC R17: starttls means STARTTLS or nothing, never the "when available" fallback.
    private static SecureSocketOptions SocketOptions(ServerEncryption encryption) =>
        encryption switch
        {
            ServerEncryption.Ssl => SecureSocketOptions.SslOnConnect,
            ServerEncryption.Starttls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };

    private bool IsStale(DeliveryClient client) =>
        _clock.GetUtcNow() - client.LastUsedAt >= _settings.IdleConnectionTimeout;

    private void CloseIdle()
    {
        foreach (var server in _servers.Values)
        {
            foreach (var client in server.TakeIdleWhere(IsStale))
            {
                _ = CloseAsync(client);
            }
        }
    }

    private async Task CloseAsync(DeliveryClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, limit.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException
            or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException)
        {
            // The server may already have closed it; there is nothing left to tidy.
        }
        finally
        {
            client.Dispose();
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug,
        Message = "Opened an SMTP connection to server {ServerId} at {Host}:{Port}")]
    private partial void LogOpened(string serverId, string host, int port);

    private sealed class ServerConnections(DeliverySettings settings)
    {
        private readonly Stack<DeliveryClient> _idle = new();

        public SemaphoreSlim Slots { get; } =
            new(settings.ConnectionsPerServer, settings.ConnectionsPerServer);

        public bool TryTakeIdle(out DeliveryClient client)
        {
            lock (_idle)
            {
                return _idle.TryPop(out client!);
            }
        }

        public void AddIdle(DeliveryClient client)
        {
            lock (_idle)
            {
                _idle.Push(client);
            }
        }

        public List<DeliveryClient> TakeAllIdle() => TakeIdleWhere(_ => true);

        public List<DeliveryClient> TakeIdleWhere(Func<DeliveryClient, bool> predicate)
        {
            lock (_idle)
            {
                var taken = _idle.Where(predicate).ToList();
                var kept = _idle.Where(c => !taken.Contains(c)).Reverse().ToList();
                _idle.Clear();
                foreach (var client in kept)
                {
                    _idle.Push(client);
                }

                return taken;
            }
        }
    }
}
