using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Initiatives.Discussion;

namespace Participation.Discussion;

/// <summary>What a discussion use case did: its value, or a refusal with an HTTP status and a coded reason. The API and the pages map it.</summary>
public sealed record DiscussionOutcome<T>(T? Value, int Status, CommentError? Error) where T : class
{
    public bool Succeeded => Error is null;

    public static DiscussionOutcome<T> Done(T value, int status = StatusCodes.Status200OK) => new(value, status, null);

    public static DiscussionOutcome<T> Refused(int status, CommentError error) => new(null, status, error);

}

public static class DiscussionRefusals
{
    public static readonly CommentError InitiativeNotFound = new("code", "comment.initiative_not_found",
        "No initiative with this tracking code.", "Er is geen initiatief met deze volgcode.");

    public static readonly CommentError CommentNotFound = new("id", "comment.not_found",
        "No such comment on this initiative.", "Deze reactie bestaat niet bij dit initiatief.");

    public static readonly CommentError Closed = new("code", "comment.closed",
        "This initiative is closed and takes no more comments.", "Dit initiatief is afgerond; reageren kan niet meer.");

    public static readonly CommentError NotYourNeighbourhood = new("code", "comment.forbidden",
        "Only officials of this initiative's neighbourhood and administrators may do this.",
        "Alleen medewerkers van de buurt van dit initiatief en beheerders mogen dit.");

    /// <summary>RFC 7807 problem+json with the stable code, the field and the Dutch text beside the English detail.</summary>
    public static ProblemHttpResult Problem(int status, CommentError error) => TypedResults.Problem(
        detail: error.English,
        statusCode: status,
        title: status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status409Conflict => "Conflict",
            _ => "Invalid comment",
        },
        extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field, ["dutch"] = error.Dutch });
}
