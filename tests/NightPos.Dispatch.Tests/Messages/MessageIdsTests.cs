using NightPos.Dispatch.Messages;

namespace NightPos.Dispatch.Tests.Messages;

public sealed class MessageIdsTests
{
    [Fact]
    public void Ids_from_one_idempotency_key_are_equal_and_name_based()
    {
        var first = MessageIds.FromIdempotencyKey("order-42-confirmation");
        var again = MessageIds.FromIdempotencyKey("order-42-confirmation");

        Assert.Equal(first, again);
        Assert.Equal(5, first.Version);

        // The same UUID Python's uuid.uuid5 computes for this namespace and name (RFC 9562).
        Assert.Equal(new Guid("f433cd54-edab-5384-993b-c5e2986404ff"), first);
    }

    [Theory]
    [InlineData("order-42-confirmation", "Order-42-confirmation")]
    [InlineData("order-42-confirmation", "order-42-confirmation ")]
    [InlineData("a", "b")]
    public void Ids_from_keys_that_differ_at_all_differ(string one, string other)
    {
        Assert.NotEqual(MessageIds.FromIdempotencyKey(one), MessageIds.FromIdempotencyKey(other));
    }

    [Fact]
    public void Message_id_header_leads_back_to_the_message()
    {
        var id = MessageIds.New();

        var header = MessageIds.MessageIdHeader(id, "company-name.nightpos.com");

        Assert.Matches("^<[0-9a-f]{32}@company-name.nightpos.com>$", header);
        Assert.Equal(id, MessageIds.FromMessageIdHeader(header));
        Assert.Equal(id, MessageIds.FromMessageIdHeader(header.Trim('<', '>')));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<CAF3x@mail.gmail.com>")]
    [InlineData("<0192f3a1b2c3d4e5f60718293a4b5c6@short.example>")]
    public void Message_id_of_another_sender_leads_nowhere(string? header)
    {
        Assert.Null(MessageIds.FromMessageIdHeader(header));
    }
}
