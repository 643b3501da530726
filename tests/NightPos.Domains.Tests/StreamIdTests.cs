using NightPos.Domains.Parameters;

namespace NightPos.Domains.Tests;

public sealed class StreamIdTests
{
    // Computed independently with Python's uuid.uuid5 over the module's namespace: every host,
    // whatever its version, must derive the very same ids (ADR 0007).
    [Fact]
    public void Default_streams_have_rfc_9562_version_5_ids()
    {
        Assert.Equal(Guid.Parse("771c9395-8771-5528-a52b-6c2883465381"), StreamIds.DefaultAliasDomain);
        Assert.Equal(Guid.Parse("be4de71c-31d7-523c-a440-d069dbf26542"), StreamIds.DefaultCompany);
        Assert.Equal(
            Guid.Parse("161b7355-04f8-5a55-8de5-8766edf5a6c2"),
            StreamIds.Parameter("mail.default.from_filter"));
    }

    [Fact]
    public void Parameter_streams_differ_by_key()
    {
        Assert.NotEqual(StreamIds.Parameter("a.b"), StreamIds.Parameter("a.c"));
        Assert.NotEqual(StreamIds.Parameter("a.b"), StreamIds.Parameter("A.b"));
    }

    [Theory]
    [InlineData("mail.default.from_filter", "mail.default.from_filter")]
    [InlineData("Mail.Default.From_Filter", "mail.default.from_filter")]
    [InlineData("crm.tag-line2", "crm.tag-line2")]
    [InlineData("single", "single")]
    public void Parameter_keys_are_dotted_lower_case_words(string key, string expected)
    {
        Assert.Equal(expected, ParameterKey.Normalize(key, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mail..default")]
    [InlineData(".mail")]
    [InlineData("mail.")]
    [InlineData("mail default")]
    [InlineData("mail.default.from_filter\n")]
    [InlineData("mail__default")]
    [InlineData("mail/default")]
    [InlineData("mail.défaut")]
    public void Parameter_keys_refuse_near_misses(string key)
    {
        Assert.Null(ParameterKey.Normalize(key, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
