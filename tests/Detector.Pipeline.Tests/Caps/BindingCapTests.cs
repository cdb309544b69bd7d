using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>
/// Engine:MaxBindings under a flood of new credentials: the credential map stays at the cap, the
/// credential in steady use keeps its binding, the first flood credential loses its, and evictions are counted.
/// </summary>
public sealed class BindingCapTests
{
    private const int Cap = 5;
    private const int Flood = 30;
    private const string Agent = "spiffe://corp.example/agent/deployer-1";

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_flood_of_new_credentials_evicts_idle_bindings_and_keeps_the_one_in_use(PipelineKind kind)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Engine.MaxBindings = Cap;

        var run = await PipelineRun.RunAsync(FloodInput(), settings);

        var bindings = run.Engine.Bindings;
        Assert.NotNull(bindings.FindCredential("cred-steady"));
        Assert.NotNull(bindings.FindCredential($"cred-flood-{Flood - 1}"));
        Assert.Null(bindings.FindCredential("cred-flood-0"));
        var (count, evicted) = bindings.Size;
        // One session binding (the agent's only session) beside the credentials.
        Assert.Equal(Cap + 1, count);
        Assert.Equal(Flood + 1 - Cap, evicted);
        Assert.Equal(evicted, run.Summary.State.CredentialsEvicted);
    }

    /// <summary>One session: the steady credential every other minute (each use refreshes its binding), a new one in between.</summary>
    private static Input FloodInput()
    {
        var input = new Input();
        var t = Stamp.Monday;
        for (int i = 0; i < Flood; i++)
        {
            input.Add(EventJson.Valid($"steady-{i}", Stamp.Of(t), Agent, "s-1", "deploy_service").With("credential_id", "cred-steady"));
            t = t.AddMinutes(1);
            input.Add(EventJson.Valid($"flood-{i}", Stamp.Of(t), Agent, "s-1", "deploy_service").With("credential_id", $"cred-flood-{i}"));
            t = t.AddMinutes(1);
        }
        return input;
    }
}
