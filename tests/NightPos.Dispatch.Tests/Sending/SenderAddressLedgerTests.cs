using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Sending;

namespace NightPos.Dispatch.Tests.Sending;

/// <summary>
/// What the ledger of published sender addresses remembers (ADR 0020, SPEC R15): only what
/// committed, under the domains revision it was claimed at, in the Domains module's form.
/// </summary>
public sealed class SenderAddressLedgerTests
{
    private readonly SenderAddressLedger _ledger = new(new RoutingTableCache(
        Options.Create(new RoutingOptions()),
        TimeProvider.System,
        NullLogger<RoutingTableCache>.Instance));

    [Fact]
    public void Ledger_asks_again_for_an_address_whose_message_did_not_commit()
    {
        Assert.True(_ledger.MustPublish("mary@example.com", out _));

        Assert.True(_ledger.MustPublish("mary@example.com", out _));
    }

    [Theory]
    [InlineData("mary@example.com", false)]
    [InlineData("MARY@Example.COM", false)]
    [InlineData("maryl@example.com", true)]
    [InlineData("mary@example.com.evil.example", true)]
    [InlineData("mary@mexample.com", true)]
    public void Ledger_knows_a_committed_address_in_any_case_and_nothing_else(
        string address,
        bool mustPublish)
    {
        _ledger.MustPublish("Mary@example.com", out var claim);
        _ledger.Recorded(claim);

        Assert.Equal(mustPublish, _ledger.MustPublish(address, out _));
    }

    [Fact]
    public void Ledger_knows_an_IDN_address_in_its_Unicode_and_ASCII_forms()
    {
        _ledger.MustPublish("mary@bücher.example", out var claim);
        _ledger.Recorded(claim);

        Assert.False(_ledger.MustPublish("mary@xn--bcher-kva.example", out _));
    }

    [Fact]
    public void Ledger_ignores_a_commit_claimed_under_another_domains_revision()
    {
        _ledger.Recorded(new SenderAddressLedger.Claim("mary@example.com", Guid.NewGuid()));

        Assert.True(_ledger.MustPublish("mary@example.com", out _));
    }

    [Fact]
    public void Ledger_starts_over_when_full()
    {
        for (var i = 0; i <= SenderAddressLedger.Capacity; i++)
        {
            _ledger.MustPublish($"sender-{i}@example.com", out var claim);
            _ledger.Recorded(claim);
        }

        var last = $"sender-{SenderAddressLedger.Capacity}@example.com";
        Assert.True(_ledger.MustPublish("sender-0@example.com", out _));
        Assert.False(_ledger.MustPublish(last, out _));
    }
}
