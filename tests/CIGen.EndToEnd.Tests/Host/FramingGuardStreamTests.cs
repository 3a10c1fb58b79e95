using System.Text;
using CIGen.Core.Providers;

namespace CIGen.EndToEnd.Tests.Host;

public class FramingGuardStreamTests
{
    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    /// <summary>Reads everything through the guard in chunks of the given size, as a pipe delivers it.</summary>
    private static (string Read, string? Stray, Exception? Failure) ReadAll(string wire, int chunk = 4096)
    {
        var guard = new FramingGuardStream(new MemoryStream(Encoding.UTF8.GetBytes(wire)), maxMessageBytes: 1000);
        var read = new MemoryStream();
        var buffer = new byte[chunk];
        try
        {
            int count;
            while ((count = guard.Read(buffer, 0, buffer.Length)) > 0)
            {
                read.Write(buffer, 0, count);
            }
        }
        catch (IOException exception)
        {
            return (Encoding.UTF8.GetString(read.ToArray()), guard.StrayOutput, exception);
        }

        return (Encoding.UTF8.GetString(read.ToArray()), guard.StrayOutput, null);
    }

    [Fact]
    public void A_message_over_the_limit_fails_at_its_header_before_its_body_is_read()
    {
        var small = Frame("{}");
        var wire = small + $"Content-Length: 1001\r\n\r\n{new string('x', 1001)}";

        var guard = new FramingGuardStream(new MemoryStream(Encoding.UTF8.GetBytes(wire)), maxMessageBytes: 1000);
        var buffer = new byte[small.Length];
        guard.Read(buffer, 0, buffer.Length).Should().Be(small.Length);
        var reading = () => guard.Read(new byte[4096], 0, 4096);

        reading.Should().Throw<IOException>();
        guard.OversizedMessage.Should().Be(1001);
        reading.Should().Throw<IOException>("the stream stays failed");
    }

    [Fact]
    public void A_message_at_the_limit_passes()
    {
        var wire = Frame("\"" + new string('x', 998) + "\"");

        ReadAll(wire).Should().Be((wire, null, null));
    }

    [Fact]
    public void Well_framed_messages_pass_through_untouched()
    {
        var wire = Frame("""{"id":1,"result":"é \r\n {"}""") +
                   $"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{{}}" +
                   Frame("{}");

        ReadAll(wire, chunk: 3).Should().Be((wire, null, null), "framing state carries across reads");
        ReadAll(wire).Should().Be((wire, null, null));
    }

    [Theory]
    [InlineData("hello from a print\n", "hello from a print")]
    [InlineData("\n", "\\n")] // a line break alone is shown as its escape, never as ""
    [InlineData("Content-Length: 2\r\nX-Other: 1\r\n\r\n{}", "X-Other: 1")]
    [InlineData("Content-Length: two\r\n\r\n{}", "Content-Length: two")]
    [InlineData("\r\n{}", "\\r\\n{}")]
    public void Anything_else_is_stray_output(string wire, string stray)
    {
        var (_, found, failure) = ReadAll(wire);

        found.Should().Be(stray);
        failure.Should().BeOfType<IOException>();
    }

    [Fact]
    public void A_print_without_a_newline_is_caught_at_once_with_what_arrived_so_far()
    {
        ReadAll("oops").Stray.Should().Be("oops");
        ReadAll("oops, more", chunk: 6).Stray.Should().Be("oops, ");
    }

    [Fact]
    public void Output_after_a_complete_message_is_caught_and_shown_up_to_its_first_line_end()
    {
        var (_, stray, _) = ReadAll(Frame("{}") + "DEBUG: done\n" + Frame("{}"));

        stray.Should().Be("DEBUG: done");
    }
}
