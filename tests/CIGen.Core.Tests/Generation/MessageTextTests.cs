using CIGen.Core.Generation;

namespace CIGen.Core.Tests.Generation;

public class MessageTextTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml", ".github/workflows/ci.yml")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("\r\n\t", "\\r\\n\\t")]
    [InlineData("bell\a esc\u001b", "bell\\u0007 esc\\u001b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("", "")]
    public void Escapes_control_characters_and_backslashes_so_the_text_stays_on_one_line(string text, string shown)
    {
        MessageText.Escape(text).Should().Be(shown);
    }
}
