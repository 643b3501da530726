using NightPos.Dispatch.Delivery;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>A host whose delivery settings cannot be read as meant refuses to start.</summary>
public sealed class MailDeliveryOptionsValidatorTests
{
    [Fact]
    public void Validator_accepts_the_defaults()
    {
        var result = new MailDeliveryOptionsValidator().Validate(null, new MailDeliveryOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("BatchSize", "0", "NightPos:Delivery:BatchSize must be at least 1")]
    [InlineData("BatchSize", "1", null)]
    [InlineData("BatchWindow", "50", "NightPos:Delivery:BatchWindow '50' is not a duration")]
    [InlineData("BatchWindow", "0ms", "NightPos:Delivery:BatchWindow '0ms' is not a duration")]
    [InlineData("BatchWindow", "1ms", null)]
    [InlineData("Parallelism", "0", "NightPos:Delivery:Parallelism must be at least 1")]
    [InlineData("IntakeBatchSize", "0", "NightPos:Delivery:IntakeBatchSize must be at least 1")]
    [InlineData("IntakeBatchSize", "1", null)]
    [InlineData("IntakeWriters", "-1", "NightPos:Delivery:IntakeWriters must be at least 1")]
    [InlineData("RetryDelays", "30m,soon", "NightPos:Delivery:RetryDelays '30m,soon'")]
    [InlineData("IdleConnectionTimeout", "-1s", "IdleConnectionTimeout '-1s' is not a duration")]
    public void Validator_names_the_setting_it_refuses(string key, string value, string? failure)
    {
        var options = new MailDeliveryOptions();
        var property = typeof(MailDeliveryOptions).GetProperty(key)!;
        property.SetValue(
            options, property.PropertyType == typeof(int) ? int.Parse(value) : value);

        var result = new MailDeliveryOptionsValidator().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(failure, Assert.Single(result.Failures!));
        }
    }
}
