using CIGen.Testing;

namespace CIGen.EndToEnd.Tests.Output;

/// <summary>
/// What the host guarantees is stated in docs/protocol.md §7, in its list items on the message bound (§2) and on timeouts,
/// stopping, crashes and messages from the provider (§3), and in README's paragraph on generated files; every sentence
/// of it is listed here with the tests that check it. A sentence added to (or reworded in) those places fails this test
/// until it is listed with its tests, and a listed test that no longer exists fails it too — the doc cannot promise
/// more than the suite checks.
/// </summary>
public sealed class HostGuaranteeAuditTests
{
    private const string ProtocolSection = "## 7. Output files";

    /// <summary>The list items of protocol.md's other sections that state what the host does with a provider.</summary>
    private static readonly (string Section, string Item)[] ProtocolItems =
    [
        ("## 2. Transport and framing", "- A message is at most"),
        ("## 3. Lifecycle", "- **Timeouts enforced by the host**"),
        ("## 3. Lifecycle", "- **Stopping**"),
        ("## 3. Lifecycle", "- **Crashes**"),
        ("## 3. Lifecycle", "- Several providers"),
        ("## 3. Lifecycle", "- **Messages from the provider**"),
    ];

    /// <summary>The README list items that state guarantees (the rest of README's list is about usage).</summary>
    private static readonly string[] ReadmeItems = ["- Every generated YAML file starts", "- `--check` writes nothing"];

    /// <summary>Each guarantee sentence, exactly as the docs write it (whitespace collapsed), and the tests that check it.</summary>
    private static readonly Dictionary<string, string[]> Coverage = new(StringComparer.Ordinal)
    {
        // docs/protocol.md §7: the path rules.
        ["Every `files[].path` must be:"] =
            ["OutputPathsTests.Paths_breaking_a_rule_are_rejected_with_the_reason", "OutputPathsTests.Relative_slash_separated_paths_are_accepted"],
        ["relative to the output root (the directory holding the config, or `--output DIR`); no leading `/`, no drive letter;"] =
            ["OutputPathsTests.Paths_breaking_a_rule_are_rejected_with_the_reason", "OutputPathsTests.Resolving_refuses_anything_that_lands_outside_the_root",
             "GenerateTests.Output_goes_under_the_output_directory_when_given", "MisbehavingProviderTests.Paths_outside_the_output_root"],
        ["`/`-separated, no backslash;"] = ["OutputPathsTests.Paths_breaking_a_rule_are_rejected_with_the_reason"],
        ["made of non-empty segments, none of them `.` or `..` (no `//`, no trailing `/`); no `:` and no control characters;"] =
            ["OutputPathsTests.Paths_breaking_a_rule_are_rejected_with_the_reason", "MisbehavingProviderTests.A_path_with_a_line_break_is_quoted_on_one_line"],
        ["made of segments of at most 255 bytes (UTF-8), the longest name file systems take;"] =
            ["MisbehavingProviderTests.A_name_longer_than_file_systems_take", "OutputWriterTests.A_name_of_255_bytes_can_be_written"],
        ["unique: a path returned twice, by one provider or by two (compared ignoring case), is an error, and so is a path that is the directory of another (`ci.yml` and `ci.yml/sub.yml`)."] =
            ["OutputAssemblerTests.A_path_returned_twice_by_one_provider_is_an_error", "OutputAssemblerTests.Two_providers_writing_the_same_path_even_in_another_case_is_an_error",
             "MisbehavingProviderTests.Duplicate_path_from_two_providers", "MisbehavingProviderTests.A_file_and_a_directory_at_one_path"],
        ["A file breaking a rule is a provider bug: cigen reports `error CIG120: provider 'NAME' returned the path '../x': it has a '..' segment; files must stay inside the output root.`, writes nothing and exits with code 4."] =
            ["MisbehavingProviderTests.Paths_outside_the_output_root", "OutputAssemblerTests.Every_bad_path_is_reported_and_then_no_file_is_returned"],

        // docs/protocol.md §7: the content.
        ["What cigen does with the content, so that providers need not:"] = ["GeneratedContentTests.Text_gets_LF_line_endings_and_exactly_one_trailing_newline"],
        ["line endings become `\\n` and the file ends with exactly one `\\n` (a leading byte-order mark is dropped; files are written as UTF-8 without one);"] =
            ["GeneratedContentTests.Text_gets_LF_line_endings_and_exactly_one_trailing_newline", "OutputWriterTests.Files_are_written_with_their_directories_as_UTF8_without_BOM"],
        ["every `.yml`/`.yaml` file gets this **header** prepended, where `<source>` is the graph's `configSource`:"] =
            ["GeneratedContentTests.YAML_files_start_with_the_generated_header"],
        ["A provider must not write a header of its own."] = ["GenerateTests.A_provider_in_another_language_generates_through_the_protocol"],
        ["Other files get no header."] = ["GeneratedContentTests.Other_files_are_written_without_a_header"],

        // docs/protocol.md §7: writing.
        ["files are written **all or nothing**: if any provider fails or reports an error diagnostic, or any path is bad, no file is written."] =
            ["MisbehavingProviderTests.One_failing_provider_means_no_provider_writes", "MisbehavingProviderTests.An_error_diagnostic_stops_all_output",
             "OutputAssemblerTests.Every_bad_path_is_reported_and_then_no_file_is_returned", "BadInputCatalogueTests.Each_bad_input_fails_with_its_exit_code_and_message_and_leaves_every_file_as_it_was"],
        ["Every target is checked before anything is written; then every changed file is staged as a temporary file beside its target (`.cigen-RANDOM.tmp`, removed by the next run if cigen was killed) and only then renamed over it."] =
            ["OutputWriterTests.Nothing_is_written_when_any_target_is_blocked", "OutputWriterTests.A_file_is_replaced_by_a_rename_not_rewritten_in_place",
             "OutputWriterTests.Temporary_files_a_killed_run_left_behind_are_removed"],
        ["If staging or any rename fails, every file already replaced or deleted is put back and cigen exits with code 4 saying so."] =
            ["OutputWriterTests.A_failure_while_staging_leaves_every_file_and_directory_as_it_was", "OutputWriterTests.A_failure_after_other_files_were_replaced_puts_them_back",
             "BadInputCatalogueTests.Each_bad_input_fails_with_its_exit_code_and_message_and_leaves_every_file_as_it_was"],
        ["A process killed at any moment leaves each file wholly old or wholly new."] = ["KilledWriteTests.Each_file_is_wholly_old_or_wholly_new_wherever_cigen_is_killed"],
        ["Only files whose bytes change are rewritten."] =
            ["OutputWriterTests.Only_files_whose_bytes_changed_are_rewritten", "GenerateTests.Two_runs_give_identical_bytes_and_the_second_writes_nothing"],
        ["**files cigen did not write are kept**: an existing file at a generated path is replaced only when one of its first three lines holds `Generated by cigen from ` (the header, or the same words in a comment a provider put at the top of a file of another type); otherwise cigen writes nothing, names the file, and exits with code 4 — `cigen generate --force` replaces it."] =
            ["OutputWriterTests.A_file_cigen_did_not_write_is_kept_and_nothing_is_written", "OutputWriterTests.A_file_with_cigen_s_mark_below_a_shebang_is_cigen_s",
             "OutputWriterTests.Force_replaces_a_file_cigen_did_not_write", "MisbehavingProviderTests.A_hand_written_file_at_a_generated_path_is_kept_unless_forced"],
        ["A file at a generated path that is itself a symbolic link is never replaced."] = ["OutputWriterTests.A_target_that_is_a_symbolic_link_is_kept"],
        ["**no writing through links that leave the output root**: when a directory on the way to a file is a symbolic link whose target is outside the output root (after resolving every link), cigen names the link, writes nothing and exits with code 4; links that stay inside the root are followed."] =
            ["OutputWriterTests.A_symbolic_link_that_leaves_the_output_root_is_not_written_through", "OutputWriterTests.A_chain_of_links_that_ends_outside_the_output_root_is_not_written_through",
             "OutputWriterTests.A_symbolic_link_inside_the_output_root_is_followed", "BadInputCatalogueTests.Each_bad_input_fails_with_its_exit_code_and_message_and_leaves_every_file_as_it_was"],
        ["**stale files** are deleted: a file that matches one of the provider's `outputs` patterns, or sits (as `.yml`/`.yaml`) in a directory this run writes to, whose first line is the header for the same `configSource`, and that no provider returned this time — typically a workflow the user removed from the config."] =
            ["StaleFilesTests.A_file_cigen_generated_from_this_config_that_no_provider_returns_any_more_is_stale", "StaleFilesTests.Only_owned_patterns_and_the_directories_written_to_are_searched",
             "StaleFilesTests.Generate_deletes_stale_files_after_writing_and_check_reports_them_as_drift"],
        ["Files without that exact header (hand-written ones, or ones generated from another config) are never deleted."] =
            ["StaleFilesTests.Hand_written_files_and_files_generated_from_another_config_are_never_stale"],
        ["Deletions are part of the same all-or-nothing change as the writes."] = ["OutputWriterTests.A_failure_after_other_files_were_replaced_puts_them_back"],
        ["`cigen generate --check` writes nothing and exits with code 3 (printing a unified diff) when a file is missing, differs, or is stale."] =
            ["GenerateTests.Check_passes_right_after_generate_and_fails_with_a_diff_after_an_edit", "GenerateTests.Check_reports_a_missing_file",
             "GenerateTests.Check_counts_stale_files_apart_from_the_generated_ones"],
        ["Providers must be **deterministic**: the same graph gives byte-identical files on every machine and every run (no timestamps, no random or hash-ordered iteration, no absolute paths, nothing from the environment)."] =
            ["GenerateTests.Two_runs_give_identical_bytes_and_the_second_writes_nothing", "GeneratedContentTests.Rendering_is_deterministic"],

        // docs/protocol.md §2 and §3: what the host does with a provider.
        ["A message is at most **64 MiB** (the user can change the bound with `--provider-max-response MIB`)."] =
            ["ProviderHostOptionsTests.The_defaults_are_the_documented_ones", "FramingGuardStreamTests.A_message_at_the_limit_passes",
             "MisbehavingProviderTests.The_response_limit_can_be_lowered"],
        ["A provider whose `Content-Length` is larger is stopped as soon as the header arrives — cigen does not read the content — and reported: `provider 'NAME' (...) announced a message of 200 MiB (Content-Length 209715200), over the limit of 64 MiB`; exit code 4, nothing written."] =
            ["MisbehavingProviderTests.A_200_MB_answer_is_refused_at_its_header_with_bounded_memory", "FramingGuardStreamTests.A_message_over_the_limit_fails_at_its_header_before_its_body_is_read"],
        ["**Timeouts enforced by the host**: 20 s from start to the `initialize` answer, 60 s for every later call (`--provider-timeout SECONDS` sets the call timeout, and the handshake's too when it is shorter than 20 s: the handshake never waits longer than a call)."] =
            ["ProviderHostOptionsTests.The_defaults_are_the_documented_ones", "ProviderHostOptionsTests.The_timeout_option_sets_the_call_timeout_and_the_handshake_never_waits_longer",
             "MisbehavingProviderTests.Hang_until_the_timeout"],
        ["On a timeout the host sends the provider nothing more — neither `$/cancelRequest` nor `shutdown`, which a provider that stopped answering would not read — and stops it: stdin closed, then after 2 s the whole process tree killed."] =
            ["MisbehavingProviderTests.A_timeout_sends_the_provider_nothing_more_and_kills_its_whole_process_tree", "ProviderConnectionTests.A_hang_times_out_and_the_provider_is_stopped"],
        ["**Stopping**: the host sends `shutdown` (if the provider is still responsive), closes stdin, waits 2 s for the process to exit, and then kills the provider's whole process tree."] =
            ["MisbehavingProviderTests.After_generate_the_provider_gets_shutdown_then_eof_and_is_killed_with_its_tree_if_it_lingers", "ProviderHostOptionsTests.The_defaults_are_the_documented_ones"],
        ["**Crashes**: if the provider exits or closes stdout while a request is pending, cigen reports `provider 'NAME' (PATH) exited with code N during 'generate'` followed by the provider's last stderr lines."] =
            ["MisbehavingProviderTests.Crash_in_the_middle_of_a_call", "ProviderConnectionTests.A_crash_reports_the_exit_code_and_the_last_stderr_lines"],
        ["Several providers may run at the same time, each in its own process; they never talk to each other."] =
            ["ProviderConnectionTests.Providers_run_concurrently_and_each_outcome_is_reported"],
        ["**Messages from the provider**: the host serves no methods."] =
            ["MisbehavingProviderTests.A_request_from_the_provider_is_answered_method_not_found_and_a_notification_ignored"],
        ["A request the provider sends is answered with error `-32601` (MethodNotFound) and the session goes on; a notification (no `id`) is ignored."] =
            ["MisbehavingProviderTests.A_request_from_the_provider_is_answered_method_not_found_and_a_notification_ignored"],
        ["A response must carry the `id` of the request it answers, as sent (the host's ids are numbers): a response to an id the host never sent, or with the id as a string, is a protocol violation — cigen reports `provider 'NAME' (PATH) broke the protocol during 'generate': …`, stops the provider and writes nothing."] =
            ["MisbehavingProviderTests.A_response_under_an_id_cigen_never_sent_is_reported_as_such_not_as_the_exit_it_causes"],
        ["An answer whose fields have the wrong JSON type is reported by the field's JSON path (`the value at $.files is not of the type docs/protocol.md gives it`); an `initialize` answer without `protocolVersion` is reported as such."] =
            ["MisbehavingProviderTests.A_value_of_the_wrong_type_is_named_by_its_json_path_not_by_dotnet_types", "MisbehavingProviderTests.A_missing_protocol_version_is_named_not_read_as_version_0"],

        // README, on generated files.
        ["Every generated YAML file starts with a \"generated by cigen, do not edit\" header naming its source."] =
            ["GeneratedContentTests.YAML_files_start_with_the_generated_header"],
        ["A file with that header that the config no longer produces (say, a workflow you removed) is deleted by `generate` and reported by `--check`; files without the header are never deleted, and a hand-written file at a generated path stops `generate` (exit 4, nothing written) until you move it away or pass `--force`."] =
            ["StaleFilesTests.Generate_deletes_stale_files_after_writing_and_check_reports_them_as_drift", "StaleFilesTests.Hand_written_files_and_files_generated_from_another_config_are_never_stale",
             "MisbehavingProviderTests.A_hand_written_file_at_a_generated_path_is_kept_unless_forced"],
        ["Writing is all or nothing, also when a write fails half-way or cigen is killed (each file is wholly old or wholly new), and never goes through a symbolic link that leaves the output directory (docs/protocol.md §7 lists every guarantee)."] =
            ["OutputWriterTests.A_failure_after_other_files_were_replaced_puts_them_back", "KilledWriteTests.Each_file_is_wholly_old_or_wholly_new_wherever_cigen_is_killed",
             "OutputWriterTests.A_symbolic_link_that_leaves_the_output_root_is_not_written_through"],
        ["`--check` writes nothing; it exits 0 when every file is up to date, otherwise prints a unified diff and exits 3 — run it in CI to catch workflows that were edited by hand or not regenerated (CIGen's own CI does)."] =
            ["GenerateTests.Check_passes_right_after_generate_and_fails_with_a_diff_after_an_edit", "DriftCheckTests.Up_to_date_files_show_no_drift_and_nothing_is_written"],
    };

    [Fact]
    public void Every_sentence_of_the_host_s_guarantees_is_listed_with_the_tests_that_check_it()
    {
        var stated = Stated();

        var unlisted = stated.Where(sentence => !Coverage.ContainsKey(sentence)).ToList();
        unlisted.Should().BeEmpty("each guarantee sentence of docs/protocol.md and README needs a test, listed in Coverage (a reworded sentence counts as new); unlisted:\n" +
            string.Join("\n", unlisted));
        Coverage.Keys.Where(sentence => !stated.Contains(sentence)).Should().BeEmpty("Coverage lists only sentences the docs still state");
    }

    [Fact]
    public void Every_listed_test_exists()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToLookup(path => Path.GetFileNameWithoutExtension(path), File.ReadAllText);

        var missing = Coverage.Values.SelectMany(tests => tests).Distinct().Where(test =>
        {
            var (type, method) = (test.Split('.')[0], test.Split('.')[1]);
            return !sources[type].Any(source => source.Contains($"void {method}(", StringComparison.Ordinal) || source.Contains($"Task {method}(", StringComparison.Ordinal));
        }).ToList();
        missing.Should().BeEmpty("each test named in Coverage is a test method in tests/**/<Class>.cs");
    }

    private static HashSet<string> Stated()
    {
        var protocol = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "protocol.md"));
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Split('\n');
        var readmeItems = ReadmeItems.SelectMany(prefix =>
        {
            var items = GuaranteeSentences.Items(readme, prefix);
            items.Should().ContainSingle($"README has one list item starting `{prefix}`");
            return items;
        });
        var protocolItems = ProtocolItems.SelectMany(place =>
        {
            var items = GuaranteeSentences.Items(GuaranteeSentences.Section(protocol, place.Section), place.Item);
            items.Should().ContainSingle($"protocol.md's `{place.Section}` has one list item starting `{place.Item}`");
            return items;
        });
        return
        [
            .. GuaranteeSentences.Of(GuaranteeSentences.Blocks(GuaranteeSentences.Section(protocol, ProtocolSection))),
            .. GuaranteeSentences.Of(protocolItems),
            .. GuaranteeSentences.Of(readmeItems),
        ];
    }
}
