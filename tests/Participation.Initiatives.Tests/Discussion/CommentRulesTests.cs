using Participation.Initiatives.Discussion;

namespace Participation.Initiatives.Tests.Discussion;

public sealed class CommentRulesTests
{
    [Theory]
    [InlineData("", "comment.text_empty")]
    [InlineData("  \n\t ", "comment.text_empty")]
    public void Empty_text_is_refused(string text, string code) => Assert.Equal(code, CommentRules.CheckText(text, out _)?.Code);

    [Fact]
    public void Text_is_trimmed_and_2000_characters_is_the_most()
    {
        Assert.Null(CommentRules.CheckText("  " + new string('x', 2000) + " ", out var trimmed));
        Assert.Equal(2000, trimmed.Length);
        Assert.Equal("comment.text_too_long", CommentRules.CheckText(new string('x', 2001), out _)?.Code);
    }

    [Theory]
    [InlineData("jan@example.org", "comment.display_name_invalid")]
    [InlineData("www.jan.nl", "comment.display_name_address")]
    [InlineData("jan.jansen.nl", "comment.display_name_address")]
    [InlineData("Gemeente Oosterpark", "comment.display_name_reserved")]
    [InlineData("gemeénte", "comment.display_name_reserved")]
    [InlineData("J", "comment.display_name_invalid")]
    [InlineData("<b>Jan</b>", "comment.display_name_invalid")]
    public void Display_names_that_look_like_addresses_or_the_municipality_are_refused(string name, string code) =>
        Assert.Equal(code, CommentRules.CheckDisplayName(name, out _)?.Code);

    [Theory]
    [InlineData(null, "Inwoner")]
    [InlineData("   ", "Inwoner")]
    [InlineData("  Anne-Marie   van  Dijk ", "Anne-Marie van Dijk")]
    [InlineData("J. de Vries", "J. de Vries")]
    public void A_chosen_name_is_shown_tidied_and_no_name_shows_Inwoner(string? name, string shown)
    {
        Assert.Null(CommentRules.CheckDisplayName(name, out var result));
        Assert.Equal(shown, result);
    }

    [Fact]
    public void Replies_go_one_level_deep()
    {
        Assert.Null(CommentRules.CheckReplyTarget(targetExists: true, targetIsReply: false));
        Assert.Equal("comment.reply_depth", CommentRules.CheckReplyTarget(true, true)?.Code);
        Assert.Equal("comment.reply_unknown", CommentRules.CheckReplyTarget(false, false)?.Code);
    }

    [Theory]
    [InlineData(false, false, false, false, CommentStatus.Visible)]
    [InlineData(false, true, false, false, CommentStatus.Pending)]
    [InlineData(false, false, true, false, CommentStatus.Visible)]
    [InlineData(false, false, true, true, CommentStatus.Pending)]
    [InlineData(true, true, true, true, CommentStatus.Visible)]
    public void The_first_status_follows_pre_moderation_and_the_word_list_but_never_for_officials(
        bool official, bool preModerated, bool flagged, bool holdFlagged, CommentStatus expected) =>
        Assert.Equal(expected, CommentRules.InitialStatus(official, preModerated, flagged, holdFlagged));

    [Fact]
    public void Reports_hide_a_visible_comment_at_the_threshold_and_never_unhide_one()
    {
        Assert.Equal(CommentStatus.Visible, CommentRules.AfterReport(CommentStatus.Visible, 2, 3));
        Assert.Equal(CommentStatus.Pending, CommentRules.AfterReport(CommentStatus.Visible, 3, 3));
        Assert.Equal(CommentStatus.Hidden, CommentRules.AfterReport(CommentStatus.Hidden, 5, 3));
    }

    [Fact]
    public void The_word_list_matches_whole_words_and_phrases_ignoring_case_and_accents()
    {
        string[] list = ["oplichter", "rot op"];
        Assert.Equal(["oplichter"], CommentRules.FlaggedWords("Die man is een OPLICHTER!", list));
        Assert.Equal(["rot op"], CommentRules.FlaggedWords("Ach, rot óp met je plan", list));
        Assert.Empty(CommentRules.FlaggedWords("De rotonde op de hoek; oplichters-tips", ["oplichter", "rot op"]));
    }

    [Fact]
    public void Only_visible_comments_are_shown_to_others()
    {
        Assert.True(CommentRules.IsShownTo(CommentStatus.Visible, false, false));
        Assert.False(CommentRules.IsShownTo(CommentStatus.Pending, false, false));
        Assert.True(CommentRules.IsShownTo(CommentStatus.Hidden, viewerIsAuthor: true, viewerModerates: false));
        Assert.True(CommentRules.IsShownTo(CommentStatus.Hidden, false, viewerModerates: true));
    }
}
