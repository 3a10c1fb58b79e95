using CIGen.Provider.Sdk.Yaml;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Yaml;

// The YAML writer lives in CIGen.Provider.Sdk; its tests sit here, beside its first user, until the SDK has a test project.
public class YamlWriterLayoutTests
{
    private static string Write(YamlNode root)
    {
        var text = YamlWriter.Write(root);
        YamlReadBack.AssertMeans(root, text);
        return text;
    }

    [Fact]
    public void Indents_nested_mappings_by_two_spaces_and_keeps_insertion_order()
    {
        var root = new YamlMapping
        {
            { "zeta", "1st" },
            { "alpha", new YamlMapping { { "inner", "x" }, { "b", new YamlMapping { { "deep", "w" } } } } },
        };

        Write(root).Should().Be("zeta: 1st\nalpha:\n  inner: x\n  b:\n    deep: w\n");
    }

    [Fact]
    public void Indents_block_sequences_under_their_key_and_starts_item_mappings_on_the_dash_line()
    {
        var root = new YamlMapping
        {
            {
                "steps", new YamlSequence
                {
                    new YamlMapping { { "uses", "actions/checkout@v4" } },
                    new YamlMapping { { "name", "Test" }, { "run", "make test" } },
                    "plain item",
                }
            },
        };

        Write(root).Should().Be("steps:\n  - uses: actions/checkout@v4\n  - name: Test\n    run: make test\n  - plain item\n");
    }

    [Fact]
    public void Writes_nested_sequences_and_mappings_inside_sequence_items()
    {
        var root = new YamlSequence
        {
            new YamlSequence { "a", "b" },
            new YamlMapping { { "k", new YamlSequence { "x" } }, { "m", new YamlMapping { { "p", "o" } } } },
        };

        Write(root).Should().Be("- - a\n  - b\n- k:\n    - x\n  m:\n    p: o\n");
    }

    [Fact]
    public void Writes_a_null_value_as_a_bare_key_without_trailing_space()
    {
        var root = new YamlMapping { { "events", new YamlMapping { { "workflow_dispatch", YamlScalar.Null }, { "push", YamlScalar.Null } } } };

        Write(root).Should().Be("events:\n  workflow_dispatch:\n  push:\n");
    }

    [Fact]
    public void Writes_a_null_sequence_item_as_a_bare_dash()
    {
        Write(new YamlMapping { { "s", new YamlSequence { YamlScalar.Null, "x" } } }).Should().Be("s:\n  -\n  - x\n");
    }

    [Fact]
    public void Writes_empty_collections_in_flow_style()
    {
        var root = new YamlMapping { { "permissions", new YamlMapping() }, { "list", new YamlSequence() }, { "flow", new YamlFlowSequence() } };

        Write(root).Should().Be("permissions: {}\nlist: []\nflow: []\n");
        YamlWriter.Write(new YamlMapping()).Should().Be("{}\n");
    }

    [Fact]
    public void Writes_flow_sequences_of_scalars_on_one_line()
    {
        var root = new YamlMapping
        {
            { "branches", new YamlFlowSequence { "main", "releases/**", "!skip", "a, b", "3.10", YamlScalar.Int(3), YamlScalar.Boolean(true) } },
        };

        Write(root).Should().Be("branches: [main, releases/**, '!skip', 'a, b', '3.10', 3, true]\n");
    }

    [Fact]
    public void Quotes_flow_items_that_hold_flow_indicators_or_colons()
    {
        var flow = new YamlFlowSequence { "a]b", "{x}", "k:v", "${{ matrix.os }}" };

        YamlWriter.FlowText(flow).Should().Be("['a]b', '{x}', 'k:v', '${{ matrix.os }}']");
        Write(new YamlMapping { { "f", flow } });
    }

    [Fact]
    public void Puts_blank_lines_before_marked_entries_except_a_mappings_first_entry()
    {
        var root = new YamlMapping
        {
            { "name", "CI", true },
            { "events", "push", true },
            { "jobs", new YamlMapping { { "a", new YamlMapping { { "runs-on", "x" } }, true }, { "b", new YamlMapping { { "runs-on", "z" } }, true } }, true },
        };

        Write(root).Should().Be("name: CI\n\nevents: push\n\njobs:\n  a:\n    runs-on: x\n\n  b:\n    runs-on: z\n");
    }

    [Fact]
    public void Leaves_out_the_blank_line_after_a_keep_literal_because_the_literal_would_swallow_it()
    {
        var root = new YamlMapping { { "a", "x\n\n" }, { "b", "w", true } };

        Write(root).Should().Be("a: |+\n  x\n\nb: w\n");
    }

    [Fact]
    public void Writes_typed_numbers_and_booleans_plain()
    {
        var root = new YamlMapping
        {
            { "timeout-minutes", YamlScalar.Int(30) },
            { "ratio", YamlScalar.Number("3.10") },
            { "cancel-in-progress", YamlScalar.Boolean(true) },
            { "fail-fast", YamlScalar.Boolean(false) },
        };

        Write(root).Should().Be("timeout-minutes: 30\nratio: 3.10\ncancel-in-progress: true\nfail-fast: false\n");
    }

    [Fact]
    public void Keeps_a_number_text_that_YAML_would_not_read_as_a_number_as_a_string()
    {
        var scalar = YamlScalar.Number("1_000");

        scalar.Type.Should().Be(YamlScalarType.String);
        Write(new YamlMapping { { "num", scalar } }).Should().Be("num: '1_000'\n");
    }

    [Fact]
    public void Converts_protocol_scalars_with_their_type()
    {
        YamlScalar.From(CIGen.Protocol.Scalar.Number("42")).Type.Should().Be(YamlScalarType.Number);
        YamlScalar.From(CIGen.Protocol.Scalar.Boolean(false)).Should().Match<YamlScalar>(s => s.Type == YamlScalarType.Boolean && s.Text == "false");
        YamlScalar.From(CIGen.Protocol.Scalar.String("42")).Type.Should().Be(YamlScalarType.String);
        Write(new YamlMapping { { "a", YamlScalar.From(CIGen.Protocol.Scalar.String("42")) } }).Should().Be("a: '42'\n");
    }

    [Fact]
    public void Rejects_duplicate_keys_and_scalar_roots()
    {
        var mapping = new YamlMapping { { "a", "1" } };

        mapping.Invoking(m => m.Add("a", "2")).Should().Throw<ArgumentException>().WithMessage("*Duplicate YAML key 'a'*");
        FluentActions.Invoking(() => YamlWriter.Write(YamlScalar.String("x"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Never_writes_document_markers_anchors_or_carriage_returns()
    {
        var shared = new YamlMapping { { "same", "value" } };
        var root = new YamlMapping { { "a", shared }, { "b", shared }, { "c", "value" } };

        var text = Write(root);

        text.Should().Be("a:\n  same: value\nb:\n  same: value\nc: value\n");
        text.Should().NotContain("&").And.NotContain("*").And.NotContain("...").And.NotContain("---").And.NotContain("\r");
    }

    [Fact]
    public void A_string_too_long_for_one_line_is_folded_at_spaces_and_reads_back_the_same()
    {
        var condition = string.Join(" && ", Enumerable.Range(1, 20).Select(i => $"(needs.job{i}.result == 'success' || needs.job{i}.result == 'skipped')"));
        var text = Write(new YamlMapping { { "job", new YamlMapping { { "if", condition } } } });

        text.Should().StartWith("job:\n  if: >-\n    (needs.job1.result");
        text.Split('\n').Should().OnlyContain(line => line.Length <= YamlWriter.MaxLineLength);
        text.Split('\n').Skip(2).Where(l => l.Length > 0).SkipLast(1).Should().OnlyContain(l => l.EndsWith(" &&", StringComparison.Ordinal) || l.EndsWith(" ||", StringComparison.Ordinal), "a condition breaks after an operator");
    }

    [Fact]
    public void A_long_string_that_would_not_fold_back_exactly_stays_on_one_line()
    {
        var spaced = new string('x', 150) + "  " + new string('y', 150);
        var unbroken = new string('z', 250);

        Write(new YamlMapping { { "a", spaced }, { "b", unbroken } }).Should().Be($"a: {spaced}\nb: {unbroken}\n");
    }

    [Fact]
    public void A_flow_list_too_long_for_one_line_becomes_a_block_list()
    {
        var targets = Enumerable.Range(1, 12).Select(i => YamlScalar.String($"x86_64-unknown-linux-gnu-{i}")).ToList();
        var text = Write(new YamlMapping { { "target", new YamlFlowSequence(targets) }, { "short", new YamlFlowSequence([YamlScalar.String("a")]) } });

        text.Should().StartWith("target:\n  - x86_64-unknown-linux-gnu-1\n").And.EndWith("short: [a]\n");
    }
}
