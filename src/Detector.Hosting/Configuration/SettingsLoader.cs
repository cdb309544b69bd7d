using Microsoft.Extensions.Configuration;

namespace Detector.Hosting.Configuration;

/// <summary>Builds the configuration every verb uses, in one place, so `replay` and `run` read settings the same way.</summary>
public static class SettingsLoader
{
    public const string EnvironmentPrefix = "DETECTOR__";

    /// <param name="configFile">An optional JSON file (--config).</param>
    /// <param name="overrides">Key=value pairs (--set Pipeline:Shards=2), applied last.</param>
    public static IConfigurationRoot BuildConfiguration(string? configFile, IEnumerable<string> overrides)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
                throw new FileNotFoundException($"configuration file '{configFile}' does not exist", configFile);
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string o in overrides)
        {
            int eq = o.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new ArgumentException($"--set expects Key=Value, got '{o}'");
            pairs[o[..eq]] = o[(eq + 1)..];
        }
        builder.AddInMemoryCollection(pairs);
        return builder.Build();
    }

    public static DetectorSettings Bind(IConfiguration configuration)
    {
        var settings = new DetectorSettings();
        configuration.Bind(settings);
        settings.Validate();
        return settings;
    }

    public static DetectorSettings Load(string? configFile, IEnumerable<string> overrides) => Bind(BuildConfiguration(configFile, overrides));
}
