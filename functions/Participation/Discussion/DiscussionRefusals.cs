using Participation.Initiatives.Discussion;

namespace Participation.App.Discussion;

/// <summary>Why a discussion use case said no, with the status and title the API answers with, in English and Dutch.</summary>
public static class DiscussionRefusals
{
    public static readonly Refusal InitiativeNotFound = new("comment.initiative_not_found", StatusCodes.Status404NotFound,
        "No initiative with this tracking code.", "Er is geen initiatief met deze volgcode.", "code", "Not found");

    public static readonly Refusal CommentNotFound = new("comment.not_found", StatusCodes.Status404NotFound,
        "No such comment on this initiative.", "Deze reactie bestaat niet bij dit initiatief.", "id", "Not found");

    public static readonly Refusal Closed = new("comment.closed", StatusCodes.Status409Conflict,
        "This initiative is closed and takes no more comments.", "Dit initiatief is afgerond; reageren kan niet meer.", "code", "Conflict");

    public static readonly Refusal NotYourNeighbourhood = new("comment.forbidden", StatusCodes.Status403Forbidden,
        "Only officials of this initiative's neighbourhood and administrators may do this.",
        "Alleen medewerkers van de buurt van dit initiatief en beheerders mogen dit.", "code", "Forbidden");

    /// <summary>A comment's text, name, reply or reason that the discussion rules refuse (<see cref="CommentRules"/>).</summary>
    public static Refusal Invalid(CommentError error) =>
        new(error.Code, StatusCodes.Status400BadRequest, error.English, error.Dutch, error.Field, "Invalid comment");
}
