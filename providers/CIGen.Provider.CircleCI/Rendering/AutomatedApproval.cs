using CIGen.Provider.CircleCI.Model;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// <c>requires_any</c> on CircleCI, whose workflows know only AND: the job requires an approval gate
/// (<c>&lt;job&gt;_gate</c>, <c>type: approval</c>) besides its <c>requires</c>, and each alternative gets a shim job
/// (<c>&lt;gate&gt;_via_&lt;dependency&gt;</c>) that requires that alternative and approves the gate through CircleCI's
/// API v2. The first alternative to succeed opens the gate; later shims find it approved and succeed too. The API token
/// comes from an environment variable (<c>CIRCLE_TOKEN</c> unless the command is told otherwise) set in a context or
/// the project settings: CircleCI gives jobs no token of their own that may approve.
/// </summary>
internal static class AutomatedApproval
{
    /// <summary>The command the shims run, written under <c>commands:</c> only when some job uses <c>requires_any</c>.</summary>
    public const string CommandName = "automated_approval";

    /// <summary>The environment variable the token is read from by default.</summary>
    public const string DefaultTokenVariable = "CIRCLE_TOKEN";

    /// <summary>The docker image of the shims: CircleCI's base image has bash, curl and jq.</summary>
    public const string ShimImage = JobImages.Base;

    public static string GateName(string jobName) => $"{jobName}_gate";

    public static string ShimName(string gateName, string dependencyName) => $"{gateName}_via_{dependencyName}";

    /// <summary>A shim's definition: it only runs the command for its gate, on the smallest docker machine.</summary>
    public static JobDefinition Shim(string name, string gateName) => new()
    {
        Name = name,
        Image = ShimImage,
        ResourceClass = "small",
        Steps = [new CommandInvocation(CommandName, [("gate", gateName)])],
    };

    public static CommandDefinition Command() => new()
    {
        Name = CommandName,
        Description = "Approve an approval job of this workflow through CircleCI's API v2 (cigen's requires_any). Needs a CircleCI "
            + "personal API token in an environment variable (a context or a project variable).",
        Parameters =
        [
            new CommandParameter { Name = "gate", Type = "string", Description = "The name of the approval job to approve." },
            new CommandParameter
            {
                Name = "token_variable",
                Type = "env_var_name",
                Default = DefaultTokenVariable,
                Description = "The environment variable holding the CircleCI API token.",
            },
        ],
        Steps =
        [
            new RunStep
            {
                Name = "Approve << parameters.gate >>",
                Environment = new() { ["CIGEN_GATE"] = "<< parameters.gate >>", ["CIGEN_TOKEN_VARIABLE"] = "<< parameters.token_variable >>" },
                Command = Script,
            },
        ],
    };

    /// <summary>
    /// Finds the gate's approval request among the workflow's jobs (following pages) and approves it. A gate that is no
    /// longer on hold was approved already — by another alternative or by hand — which is success, and so is a refused
    /// approval that says so. Values come in through the environment, never spliced into the script.
    /// </summary>
    public const string Script = """
        set -euo pipefail
        api="${CIRCLECI_API_URL:-https://circleci.com/api/v2}"
        token="${!CIGEN_TOKEN_VARIABLE:-}"
        if [ -z "$token" ]; then
          echo "automated_approval: \$$CIGEN_TOKEN_VARIABLE is not set; add a CircleCI personal API token as $CIGEN_TOKEN_VARIABLE to a context or the project's environment variables, so this job can approve $CIGEN_GATE" >&2
          exit 1
        fi
        jobs="$(mktemp)"
        page=""
        gate=""
        while :; do
          url="$api/workflow/$CIRCLE_WORKFLOW_ID/job"
          if [ -n "$page" ]; then
            url="$url?page-token=$page"
          fi
          curl --silent --show-error --fail --header "Circle-Token: $token" --output "$jobs" "$url"
          gate="$(jq -c --arg name "$CIGEN_GATE" '.items[] | select(.name == $name)' "$jobs")"
          page="$(jq -r '.next_page_token // empty' "$jobs")"
          if [ -n "$gate" ] || [ -z "$page" ]; then
            break
          fi
        done
        if [ -z "$gate" ]; then
          echo "automated_approval: workflow $CIRCLE_WORKFLOW_ID has no job named $CIGEN_GATE to approve" >&2
          exit 1
        fi
        status="$(printf '%s' "$gate" | jq -r '.status // empty')"
        if [ "$status" != "on_hold" ]; then
          echo "$CIGEN_GATE is $status already: nothing to approve"
          exit 0
        fi
        request="$(printf '%s' "$gate" | jq -r '.approval_request_id // empty')"
        if [ -z "$request" ]; then
          echo "automated_approval: $CIGEN_GATE has no approval request; is it a type: approval job?" >&2
          exit 1
        fi
        answer="$(mktemp)"
        code="$(curl --silent --show-error --request POST --header "Circle-Token: $token" --header 'Content-Length: 0' --output "$answer" --write-out '%{http_code}' "$api/workflow/$CIRCLE_WORKFLOW_ID/approve/$request")"
        if [ "$code" -ge 200 ] && [ "$code" -lt 300 ]; then
          echo "Approved $CIGEN_GATE"
        elif [ "$code" = 409 ] || grep -qi 'already' "$answer"; then
          echo "$CIGEN_GATE was approved already"
        else
          echo "automated_approval: approving $CIGEN_GATE failed with HTTP $code: $(cat "$answer")" >&2
          exit 1
        fi

        """;
}
