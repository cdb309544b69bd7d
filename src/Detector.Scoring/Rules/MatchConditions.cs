using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Detector.Scoring.Rules;

/// <summary>Compiles a step's <c>match</c> mapping into a mask of forbidden fact bits and an optional tool pattern.</summary>
internal static class MatchConditions
{
    private static readonly string[] Fields =
    [
        "action", "sensitivity", "outcome", "destination", "credential", "tool", "foreign_tenant", "delegated",
        "outside_parent_intent", "large_transfer", "new_tool", "approval", "rare_action", "growing_doses",
    ];

    public static (ulong Forbidden, ToolPattern? Tool) Compile(YamlMappingNode match, in YamlPlace at)
    {
        ulong forbidden = 0;
        ToolPattern? tool = null;
        foreach (var (key, value) in YamlValues.Entries(match, at, "field", Fields))
        {
            var place = at.Child(key);
            if (key == "tool")
            {
                tool = Tool(value, place);
                continue;
            }
            forbidden |= key switch
            {
                "action" => Forbid(FieldVocabulary.Actions, value, place),
                "sensitivity" => Forbid(FieldVocabulary.Sensitivities, value, place),
                "outcome" => Forbid(FieldVocabulary.Outcomes, value, place),
                "destination" => Forbid(FieldVocabulary.Destinations, value, place),
                "credential" => Forbid(FieldVocabulary.Credentials, value, place),
                "foreign_tenant" => ForbidOther(FactField.ForeignTenant, YamlValues.Boolean(value, place)),
                "delegated" => ForbidOther(FactField.Delegated, YamlValues.Boolean(value, place)),
                "outside_parent_intent" => ForbidOther(FactField.OutsideParentIntent, YamlValues.Boolean(value, place)),
                "large_transfer" => ForbidOther(FactField.LargeTransfer, YamlValues.Boolean(value, place)),
                "new_tool" => ForbidOther(FactField.NewTool, YamlValues.Boolean(value, place)),
                "approval" => ForbidOther(FactField.Approval, Approval(value, place)),
                "rare_action" => ForbidOther(FactField.RareAction, YamlValues.Boolean(value, place)),
                "growing_doses" => ForbidOther(FactField.GrowingDoses, YamlValues.Boolean(value, place)),
                _ => throw new UnreachableException(key),
            };
        }
        return (forbidden, tool);
    }

    private static ulong Forbid(FieldVocabulary vocabulary, YamlNode value, in YamlPlace at) =>
        FactBits.Group(vocabulary.Field) & ~vocabulary.Allowed(value, at);

    private static ulong ForbidOther(FactField field, bool required) => FactBits.Flag(field, !required);

    private static bool Approval(YamlNode value, in YamlPlace at) => YamlValues.Text(value, at) switch
    {
        "present" => true,
        "absent" => false,
        var other => YamlValues.Fail<bool>(value, at, $"'{other}' is not present or absent"),
    };

    private static ToolPattern Tool(YamlNode value, in YamlPlace at)
    {
        var items = YamlValues.Items(value, at);
        var patterns = new string[items.Count];
        for (int i = 0; i < patterns.Length; i++)
        {
            var (text, node) = items[i];
            if (text.Any(char.IsWhiteSpace))
                YamlValues.Throw(node, at, $"tool pattern '{text}' contains white space");
            patterns[i] = text;
        }
        return new ToolPattern(patterns);
    }
}
