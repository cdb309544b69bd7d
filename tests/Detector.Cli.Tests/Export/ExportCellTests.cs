using Detector.Hosting.Export;
using Xunit;

namespace Detector.Cli.Tests.Export;

public sealed class ExportCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"open\")", "'=HYPERLINK(\"http://evil\",\"open\")")]
    [InlineData("+1-555", "'+1-555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("nightly backup = fine", "nightly backup = fine")]
    [InlineData("agent-7", "agent-7")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_made_inert_in_csv_only(string text, string csv)
    {
        Assert.Equal(csv, ExportCell.Text(text).ToCsvField());
    }

    [Fact]
    public void A_list_starting_with_a_formula_character_is_made_inert_and_numbers_keep_their_sign()
    {
        Assert.Equal("'=a;b", ExportCell.List(["=a", "b"]).ToCsvField());
        Assert.Equal("-0.25", ExportCell.Number(-0.25).ToCsvField());
    }
}
