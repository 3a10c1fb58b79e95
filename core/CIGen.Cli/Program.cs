using CIGen.Cli;

var parseResult = CigenCommand.Create().Parse(args);
return parseResult.Errors.Count > 0
    ? UsageErrors.Report(parseResult, Console.Error)
    : await parseResult.InvokeAsync();
