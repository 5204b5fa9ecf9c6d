using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Participation.Municipality;

namespace Participation.Bot.Knowledge;

/// <summary>
/// The articles embedded in this assembly (Knowledge/Articles/{nl,en}/{topic}.md), with municipality facts filled in.
/// </summary>
public sealed partial class KnowledgeBase(IOptions<MunicipalityOptions> options)
{
    private static readonly Lazy<IReadOnlyList<KnowledgeArticle>> Embedded = new(LoadEmbedded);

    public IReadOnlyList<KnowledgeArticle> Articles => Embedded.Value;

    public KnowledgeArticle? Find(string topic, string language) =>
        Articles.FirstOrDefault(a => a.Topic == topic && a.Language == language)
        ?? Articles.FirstOrDefault(a => a.Topic == topic);

    /// <summary>The article as residents read it: placeholders replaced by this municipality's facts.</summary>
    public RenderedArticle Render(KnowledgeArticle article)
    {
        var body = Fill(article.Body, article.Language);
        var source = Fill(article.Source, article.Language);
        return new RenderedArticle(article.Topic, article.Language, Fill(article.Title, article.Language), body, source, article.LastChecked);
    }

    public string Fill(string template, string language)
    {
        var m = options.Value;
        var dutch = language == "nl";
        var culture = CultureInfo.GetCultureInfo(dutch ? "nl-NL" : "en-GB");
        string Money(decimal amount) => "€ " + amount.ToString("0.00", culture);
        return Placeholder().Replace(template, match => match.Groups[1].Value switch
        {
            "MunicipalityName" => m.Name,
            "Website" => m.Website,
            "Phone" => m.Phone,
            "AppointmentUrl" => m.AppointmentUrl,
            "MoveReportUrl" => m.MoveReportUrl,
            "ExtractUrl" => m.ExtractUrl,
            "ParticipationUrl" => m.ParticipationUrl.TrimEnd('/'),
            "OpeningHours" => dutch ? m.OpeningHoursNl : m.OpeningHoursEn,
            "PassportFeeAdult" => Money(m.PassportFeeAdult),
            "PassportFeeMinor" => Money(m.PassportFeeMinor),
            "IdCardFeeAdult" => Money(m.IdCardFeeAdult),
            "IdCardFeeMinor" => Money(m.IdCardFeeMinor),
            "ExpressFee" => Money(m.ExpressFee),
            "ExtractFee" => Money(m.ExtractFee),
            "ExpressCutoff" => m.ExpressCutoff,
            "FactsLastChecked" => m.FactsLastChecked.ToString(dutch ? "d MMMM yyyy" : "d MMMM yyyy", culture),
            "BudgetResults" => dutch ? m.BudgetResultsNl : m.BudgetResultsEn,
            "PickupAppointment" => (m.PickupNeedsAppointment, dutch) switch
            {
                (true, true) => $"Maak een afspraak om op te halen via {m.AppointmentUrl}.",
                (true, false) => $"Book an appointment to collect it via {m.AppointmentUrl}.",
                (false, true) => "U kunt zonder afspraak langskomen tijdens de openingstijden.",
                (false, false) => "You can come without an appointment during opening hours.",
            },
            var unknown => throw new InvalidOperationException($"Unknown placeholder {unknown} in knowledge article."),
        });
    }

    internal static KnowledgeArticle Parse(string language, string markdown)
    {
        var text = markdown.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("Knowledge article without front matter.");
        }

        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var fields = text[4..end].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        string Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Knowledge article misses '{name}'.");

        return new KnowledgeArticle(
            Topic: Field("topic"),
            Language: language,
            Title: Field("title"),
            Source: Field("source"),
            LastChecked: DateOnly.ParseExact(Field("last-checked"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Keywords: Field("keywords").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Body: text[(end + 5)..].Trim());
    }

    private static IReadOnlyList<KnowledgeArticle> LoadEmbedded()
    {
        const string prefix = "Participation.Bot.Knowledge.Articles.";
        var assembly = typeof(KnowledgeBase).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                // Resource names look like "...Articles.nl/id.apply.md" (RecursiveDir keeps the folder separator).
                var language = name[prefix.Length..(prefix.Length + 2)];
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return Parse(language, reader.ReadToEnd());
            })
            .ToList();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>An article ready to show: facts filled in, source link resolved.</summary>
public sealed record RenderedArticle(string Topic, string Language, string Title, string Body, string Source, DateOnly LastChecked);
