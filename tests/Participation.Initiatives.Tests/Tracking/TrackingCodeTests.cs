using CsCheck;
using Participation.Municipality.Tracking;

namespace Participation.Initiatives.Tests.Tracking;

public sealed class TrackingCodeTests
{
    [Fact]
    public void New_code_is_eleven_crockford_symbols_shown_in_groups()
    {
        var code = TrackingCode.New();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{11}$", code.Value);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$", code.Display);
        Assert.Equal(code.Display, code.ToString());
    }

    [Fact]
    public void New_codes_do_not_repeat_and_are_not_sequential()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New().Value).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Sequential codes would share long prefixes with their neighbours.
        var sharedPrefixes = codes.Zip(codes.Skip(1)).Count(pair => pair.First[..4] == pair.Second[..4]);
        Assert.True(sharedPrefixes < 5, $"{sharedPrefixes} neighbours share a four-symbol prefix");
    }

    [Fact]
    public void Every_symbol_position_uses_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 5_000).Select(_ => TrackingCode.New().Value).ToList();

        for (var position = 0; position < TrackingCode.RandomSymbols; position++)
        {
            Assert.Equal(32, codes.Select(c => c[position]).Distinct().Count());
        }
    }

    [Fact]
    public void Parses_what_residents_type_in_any_case_with_dashes_spaces_and_look_alikes()
    {
        var code = TrackingCode.New();
        var typed = code.Display.ToLowerInvariant().Replace('1', 'l').Replace('0', 'o').Replace("-", " - ");

        Assert.True(TrackingCode.TryParse(typed, out var parsed, out var problem), problem?.Message);
        Assert.Equal(code, parsed);
        Assert.Equal(code, TrackingCode.Parse(code.Value));
        Assert.Equal(code, TrackingCode.Parse($"  {code.Value[..3]}-{code.Value[3..]} "));
    }

    [Fact]
    public void Capital_i_reads_as_one()
    {
        var code = FirstWith('1');
        var typed = code.Value.Replace('1', 'I');

        Assert.Equal(code, TrackingCode.Parse(typed));
    }

    [Theory]
    [InlineData(null, TrackingCodeError.Empty)]
    [InlineData("   ", TrackingCodeError.Empty)]
    [InlineData("K7QX-M2PD", TrackingCodeError.WrongLength)]
    [InlineData("K7QX-M2PD-9RCC1", TrackingCodeError.WrongLength)]
    [InlineData("K7QX-M2PD-9R#", TrackingCodeError.InvalidCharacter)]
    [InlineData("K7QX/M2PD/9RC", TrackingCodeError.InvalidCharacter)]
    [InlineData("UUUU-M2PD-9RC", TrackingCodeError.InvalidCharacter)]
    public void Rejects_input_that_is_not_a_code_with_a_reason(string? input, TrackingCodeError expected)
    {
        Assert.False(TrackingCode.TryParse(input, out var code, out var problem));
        Assert.Null(code);
        Assert.Equal(expected, problem.Error);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Throws<FormatException>(() => TrackingCode.Parse(input));
    }

    [Fact]
    public void A_single_mistyped_symbol_is_reported_as_a_typo()
    {
        Gen.Int[0, TrackingCode.Length - 1].Select(Gen.Int[1, 31]).Sample((position, shift) =>
        {
            var value = TrackingCode.New().Value;
            var wrong = TrackingCode.Alphabet[(TrackingCode.Alphabet.IndexOf(value[position]) + shift) % 32];
            var typo = value[..position] + wrong + value[(position + 1)..];

            Assert.False(TrackingCode.TryParse(typo, out _, out var problem));
            Assert.Equal(TrackingCodeError.CheckSymbolMismatch, problem.Error);
        });
    }

    [Fact]
    public void Canonical_value_is_safe_as_a_table_key_and_in_a_url()
    {
        Gen.Int.Sample(_ =>
        {
            var value = TrackingCode.New().Value;
            Assert.DoesNotMatch(@"[/\\#?\u0000-\u001F\u007F-\u009F]", value);
            Assert.Equal(value, Uri.EscapeDataString(value));
        }, iter: 1_000);
    }

    private static TrackingCode FirstWith(char symbol)
    {
        while (true)
        {
            var code = TrackingCode.New();
            if (code.Value.Contains(symbol, StringComparison.Ordinal))
            {
                return code;
            }
        }
    }
}
