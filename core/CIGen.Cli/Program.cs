using CIGen.Cli;

return await CigenCommand.Create().Parse(args).InvokeAsync();
