using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;

namespace NightPos.Kernel.Tests;

public sealed class FieldErrorsTests
{
    [Fact]
    public void Refusal_names_every_bad_field_in_the_detail_and_in_errors()
    {
        var errors = new FieldErrors();

        errors.Check("email", "mary@", EmailAddress.Normalize);
        errors.Text("subject", "", 255);
        errors.Check("model", "sale.order", (string? input, out string? error) =>
        {
            error = null;
            return input;
        });

        var problem = errors.ToProblem();
        Assert.Equal(400, problem.Status);
        var named = Assert.IsType<Dictionary<string, string[]>>(problem.Extensions["errors"]);
        Assert.Equal(["email", "subject"], named.Keys.Order());
        Assert.Contains("email 'mary@'", problem.Detail);
        Assert.Contains("subject is required.", problem.Detail);
    }

    // Near misses: a line break at the end, a tab inside, a value just over the limit.
    [Theory]
    [InlineData("S00042\r\n", "contains a line break")]
    [InlineData("S00\t042", "contains a line break")]
    [InlineData("S000420", "longer than 6 characters")]
    public void Text_refuses_control_characters_and_length_instead_of_trimming(
        string input,
        string reason)
    {
        var errors = new FieldErrors();

        Assert.Null(errors.Text("subject", input + "x", 6));

        Assert.Contains(reason, errors.ToProblem().Detail);
    }

    [Fact]
    public void Check_refuses_a_line_break_before_the_rule_sees_it()
    {
        var errors = new FieldErrors();

        Assert.Null(errors.Check("email", "mary@customer.test\n", EmailAddress.Normalize));

        Assert.Contains("\\u000a", errors.ToProblem().Detail);
    }

    [Fact]
    public void Text_trims_and_answers_null_for_an_optional_blank()
    {
        var errors = new FieldErrors();

        Assert.Equal("Mary", errors.Text("name", "  Mary ", 10, required: false));
        Assert.Null(errors.Text("name", "   ", 10, required: false));
        Assert.False(errors.Any);
    }
}
