using NightPos.Notifications.Imap;

namespace NightPos.Notifications.Tests;

public sealed class ImapOptionsTests
{
    private static readonly ImapOptions Valid = new()
    {
        Host = "imap.customer.test",
        Username = "catchall",
        Password = "s3cret-imap-password",
    };

    public static TheoryData<string, string?> Cases => new()
    {
        { "valid", null },
        { "no-host", null },
        { "no-password", ":Password are required" },
        { "port", ":Port must be between" },
        { "interval", ":Interval 00:00:00.5000000 must be at least a second" },
        { "batch", ":BatchSize must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validator_refuses_a_poller_that_could_never_work(string change, string? failure)
    {
        var options = change switch
        {
            "no-host" => new ImapOptions(),
            "no-password" => Copy(o => o.Password = ""),
            "port" => Copy(o => o.Port = 0),
            "interval" => Copy(o => o.Interval = TimeSpan.FromMilliseconds(500)),
            "batch" => Copy(o => o.BatchSize = 0),
            _ => Copy(_ => { }),
        };

        var result = new ImapOptionsValidator().Validate(null, options);

        Assert.Equal(failure is null, result.Succeeded);
        if (failure is not null)
        {
            Assert.Contains(failure, result.FailureMessage);
        }
    }

    [Fact]
    public void Options_never_print_the_password()
    {
        Assert.DoesNotContain("s3cret", Valid.ToString());
    }

    private static ImapOptions Copy(Action<ImapOptions> change)
    {
        var copy = new ImapOptions
        {
            Host = Valid.Host,
            Username = Valid.Username,
            Password = Valid.Password,
        };
        change(copy);
        return copy;
    }
}
