using System.Text.Json;
using Microsoft.Extensions.Options;
using Participation.Bot.Knowledge;
using Participation.Bot.Topics;

var kb = new KnowledgeBase(Options.Create(new MunicipalityOptions()));
using var index = new TopicIndex(kb);
var classifier = new TopicClassifier(index);
int ok = 0, n = 0;
foreach (var line in File.ReadLines(args[0]))
{
    using var doc = JsonDocument.Parse(line);
    var text = doc.RootElement.GetProperty("text").GetString()!;
    var expected = doc.RootElement.GetProperty("topic").GetString()!;
    var u = classifier.Classify(text, new DialogueContext(null, null, null));
    n++; if (u.Topic == expected) ok++;
    Console.WriteLine($"{(u.Topic == expected ? "  " : "XX")} {expected,-26} {u.Topic,-26} {u.Kind,-14} {u.Confidence:0.00} {string.Join(" ", u.Ranking.Take(3).Select(r => $"{r.Topic}:{r.Score:0.0}"))} | {text}");
}
Console.WriteLine($"{ok}/{n}");
