using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace NightPos.Notifications.Tests;

/// <summary>
/// A real Dovecot IMAP server (Debian's <c>dovecot-imapd</c>) on a free loopback port, with a
/// throwaway configuration and one mailbox under a temporary folder: a static user and
/// password, plain-text login, no TLS. Disposing stops it and removes the folder.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string Username = "catchall";
    public const string Password = "catchall-test-password";

    private readonly string _root;
    private readonly Process _process;

    private DovecotServer(string root, int port, Process process)
    {
        _root = root;
        Port = port;
        _process = process;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public static async Task<DovecotServer> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: install Dovecot with apt-get install -y dovecot-imapd.");
        }

        var root = Directory.CreateTempSubdirectory("nightpos-dovecot-").FullName;
        var port = FreePort();
        var (uid, gid, user) = MailOwner();
        Directory.CreateDirectory(Path.Combine(root, "mail"));

        // The mail processes run as the mail owner, who must reach the folder it writes in.
        foreach (var folder in new[] { root, Path.Combine(root, "mail") })
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var config = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(config, Config(root, port, uid, gid, user));

        var process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var server = new DovecotServer(root, port, process);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Puts a message into the mailbox, unseen, as a delivering server would.</summary>
    public async Task AppendAsync(byte[] raw, bool seen = false)
    {
        await WithInboxAsync(async inbox =>
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw));
            await inbox.AppendAsync(message, seen ? MessageFlags.Seen : MessageFlags.None);
        });
    }

    /// <summary>The Message-IDs of the messages marked \Seen.</summary>
    public async Task<IReadOnlyList<string>> SeenAsync()
    {
        List<string> seen = [];
        await WithInboxAsync(async inbox =>
        {
            var uids = await inbox.SearchAsync(SearchQuery.Seen);
            foreach (var summary in await inbox.FetchAsync(uids, MessageSummaryItems.Envelope))
            {
                if (summary.Envelope?.MessageId is { } id)
                {
                    seen.Add(id);
                }
            }
        });
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task WithInboxAsync(Func<IMailFolder, Task> action)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(Host, Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(Username, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        await action(client.Inbox);
        await client.DisconnectAsync(true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    $"Dovecot did not start: {await _process.StandardError.ReadToEndAsync()}"
                    + File.ReadAllText(Path.Combine(_root, "dovecot.log")));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Dovecot refuses to deliver mail as root: as root the mail belongs to nobody, otherwise
    // to whoever runs the tests (who then also runs Dovecot's own processes).
    private static (int Uid, int Gid, string? User) MailOwner()
    {
        var status = File.ReadAllLines("/proc/self/status");
        int Field(string name) => int.Parse(status.First(l => l.StartsWith(name)).Split('\t')[1]);
        var uid = Field("Uid:");
        if (uid != 0)
        {
            return (uid, Field("Gid:"), Environment.UserName);
        }

        var nobody = File.ReadAllLines("/etc/passwd")
            .First(l => l.StartsWith("nobody:"))
            .Split(':');
        return (int.Parse(nobody[2]), int.Parse(nobody[3]), null);
    }

    private static string Config(string root, int port, int uid, int gid, string? user) => $$"""
        protocols = imap
        listen = 127.0.0.1
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        log_path = {{root}}/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:{{root}}/mail/%u
        first_valid_uid = 0
        {{(user is null ? "" : $"default_internal_user = {user}\ndefault_login_user = {user}")}}
        passdb {
          driver = static
          args = password={{Password}}
        }
        userdb {
          driver = static
          args = uid={{uid}} gid={{gid}} home={{root}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{port}}
          }
          inet_listener imaps {
            port = 0
          }
          chroot =
        }
        service anvil {
          chroot =
        }
        """;
}
