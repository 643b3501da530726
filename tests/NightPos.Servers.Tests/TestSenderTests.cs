using NightPos.Kernel.Mail;
using NightPos.Servers.ConnectionTests;

namespace NightPos.Servers.Tests;

/// <summary>The MAIL FROM of a test connection, as SPEC R9 chooses it.</summary>
public sealed class TestSenderTests
{
    private static readonly string[] Notifications =
        ["notifications@company-name.nightpos.com", "hello@example.org"];

    public static TheoryData<string, string[], string> Cases => new()
    {
        // The first whole address wins, even after a domain entry.
        { "example.org, first@example.net, second@example.net", Notifications,
            "first@example.net" },

        // Else the notification address of an alias domain the filter allows.
        { "example.org", Notifications, "hello@example.org" },
        { "company-name.nightpos.com,example.org", Notifications,
            "notifications@company-name.nightpos.com" },
        { "", Notifications, "notifications@company-name.nightpos.com" },

        // A look-alike or a sub-domain of an alias domain is not that domain.
        { "mail.example.org", Notifications, "noreply@mail.example.org" },
        { "xample.org", Notifications, "noreply@xample.org" },

        // Else noreply at the filter's first domain, or at the database subdomain.
        { "example.com, example.net", Notifications, "noreply@example.com" },
        { "", [], "noreply@company-name.nightpos.com" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Choose_follows_the_order_of_SPEC_R9(
        string filter,
        string[] notifications,
        string sender)
    {
        var chosen = TestSender.Choose(
            FromFilter.FromStored(filter), notifications, "company-name.nightpos.com");

        Assert.Equal(sender, chosen);
    }
}
