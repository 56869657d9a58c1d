using Lianxin.Platform.Cli;

return await LianxinCli.RunAsync(args);

/// <summary>Entry point type, also used by WebApplicationFactory in the API tests.</summary>
public partial class Program;
