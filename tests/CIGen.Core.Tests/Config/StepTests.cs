using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

/// <summary>Every step spelling keeps name, if, env and id (the Rust original dropped them for `name`+`run`).</summary>
public class StepTests
{
    private static IReadOnlyList<Step> Steps(string steps)
    {
        using var tree = ConfigTree.Inline("jobs:\n  build:\n    steps:\n" + Indent(steps, 6));
        return tree.Load().Clean().Workflows[0].Jobs[0].Steps;
    }

    private static LoadResult LoadSteps(string steps)
    {
        using var tree = ConfigTree.Inline("jobs:\n  build:\n    steps:\n" + Indent(steps, 6));
        return tree.Load();
    }

    private static string Indent(string text, int by) =>
        string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : new string(' ', by) + l + "\n")).TrimEnd('\n') + "\n";

    [Fact]
    public void Bare_strings_are_checkout_or_a_command()
    {
        using var tree = ConfigTree.Inline("commands:\n  setup:\n    steps: [checkout]\njobs:\n  build:\n    steps: [checkout, setup]\n");
        var steps = tree.Load().Clean().Workflows[0].Jobs[0].Steps;

        steps[0].Kind.Should().Be(StepKind.Checkout);
        steps[1].Should().BeEquivalentTo(new { Kind = StepKind.Command, Command = "setup" });
        steps[1].Source.Should().Be(new SourceLocation("cigen.yml", 6, 23));
    }

    [Fact]
    public void Run_with_name_if_env_id_beside_it_keeps_them_all()
    {
        var step = Steps("- name: Test\n  id: t\n  if: failure()\n  env: {A: 1, B: x}\n  shell: bash\n  working_directory: app\n  run: |\n    make\n    make test\n").Single();

        step.Should().BeEquivalentTo(new
        {
            Kind = StepKind.Run, Name = "Test", Id = "t", If = "failure()", Shell = "bash", WorkingDirectory = "app", Run = "make\nmake test\n",
        });
        step.Env.Should().Equal(new Dictionary<string, Scalar> { ["A"] = Scalar.Number("1"), ["B"] = "x" });
    }

    [Fact]
    public void CircleCI_style_run_keeps_name_env_and_the_if_beside_it()
    {
        var step = Steps("- run:\n    name: Build\n    command: cargo build\n    environment: {RUST_LOG: debug}\n  if: success()\n  id: b\n").Single();

        step.Should().BeEquivalentTo(new { Kind = StepKind.Run, Name = "Build", Run = "cargo build", If = "success()", Id = "b" });
        step.Env.Should().Equal(new Dictionary<string, Scalar> { ["RUST_LOG"] = "debug" });
    }

    [Fact]
    public void A_name_both_beside_and_inside_run_is_a_conflict()
    {
        LoadSteps("- name: A\n  run: {name: B, command: x}\n").Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, "cigen.yml", 5, 15, "sets `name` both beside and inside");
    }

    [Fact]
    public void Uses_keeps_name_id_if_env_and_with_in_order()
    {
        var step = Steps("- name: Upload\n  id: up\n  if: always()\n  uses: actions/upload-artifact@v4\n  env: {X: y}\n  with:\n    path: out/\n    name: bin\n    retention-days: 3\n").Single();

        step.Should().BeEquivalentTo(new { Kind = StepKind.Uses, Name = "Upload", Id = "up", If = "always()", Uses = "actions/upload-artifact@v4" });
        step.Env.Keys.Should().Equal("X");
        ((UsesStep)step).With.Keys.Should().Equal("path", "name", "retention-days");
        ((UsesStep)step).With["retention-days"].Should().Be(Scalar.Number("3"));
    }

    [Fact]
    public void Cache_steps_take_key_or_keys_and_paths()
    {
        var steps = Steps("- restore_cache: {key: a}\n- restore_cache: {name: R, keys: [a, b]}\n- save_cache: {key: a, paths: [dist/]}\n  if: success()\n");

        steps[0].Should().BeEquivalentTo(new { Kind = StepKind.RestoreCache, Keys = new[] { "a" } });
        steps[1].Should().BeEquivalentTo(new { Kind = StepKind.RestoreCache, Name = "R", Keys = new[] { "a", "b" } });
        steps[2].Should().BeEquivalentTo(new { Kind = StepKind.SaveCache, Key = "a", Paths = new[] { "dist/" }, If = "success()" });
    }

    [Fact]
    public void Cache_steps_report_missing_and_conflicting_keys()
    {
        LoadSteps("- restore_cache: {}\n").Single().ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 4, 24, "needs `key`");
        LoadSteps("- restore_cache: {key: a, keys: [b]}\n").Single().ShouldBe(DiagnosticCodes.ConflictingKeys, "cigen.yml", 4, 33, "`key` and `keys`");
        LoadSteps("- save_cache: {key: a}\n").Single().ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 4, 21, "needs `paths`");
    }

    [Fact]
    public void Only_accepts_one_name_or_a_list_and_stores_canonical_names()
    {
        var steps = Steps("- run: a\n  only: github-actions\n- run: b\n  only: [circleci, github]\n- checkout:\n  only: circleci\n");

        steps[0].Only.Should().Equal("github");
        steps[1].Only.Should().Equal("circleci", "github");
        steps[2].Should().BeEquivalentTo(new { Kind = StepKind.Checkout, Only = new[] { "circleci" } });
    }

    [Fact]
    public void A_step_doing_two_things_is_reported()
    {
        LoadSteps("- run: a\n  uses: actions/checkout@v4\n").Single()
            .ShouldBe(DiagnosticCodes.ConflictingKeys, "cigen.yml", 5, 9, "has both `run` and `uses`", "split it into two steps");
    }

    [Fact]
    public void A_step_with_only_common_keys_does_nothing()
    {
        LoadSteps("- name: nothing\n").Single()
            .ShouldBe(DiagnosticCodes.MissingKey, "cigen.yml", 4, 9, "does nothing");
    }

    [Fact]
    public void Step_keys_of_another_kind_are_unknown_with_a_hint()
    {
        LoadSteps("- run: a\n  with: {x: 1}\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 5, 9, "`with` belongs to a `uses` step");
        LoadSteps("- run: a\n  working-directory: app\n").Single()
            .ShouldBe(DiagnosticCodes.UnknownKey, "cigen.yml", 5, 9, "did you mean `working_directory`?");
    }
}
