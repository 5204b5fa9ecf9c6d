using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.UseCases;

/// <summary>How the API answers a refusal: RFC 7807 problem+json with the stable code and the Dutch text as extensions.</summary>
public static class OutcomeResults
{
    /// <summary>
    /// 400 with field errors when every refusal names a field (a form's validation), otherwise a problem with the first
    /// refusal's status. <paramref name="title"/> is the use case's own title for a validation problem.
    /// </summary>
    public static IResult Problem(IReadOnlyList<Refusal> refusals, string? title = null)
    {
        if (refusals.Count == 0)
        {
            throw new ArgumentException("A problem needs a refusal.", nameof(refusals));
        }

        if (refusals.All(refusal => refusal.Field is not null && refusal.Status == StatusCodes.Status400BadRequest))
        {
            return Validation(refusals, title);
        }

        return Problem(refusals[0]);
    }

    public static ValidationProblem Validation(IReadOnlyList<Refusal> refusals, string? title = null)
    {
        var errors = refusals.GroupBy(refusal => refusal.Field!).ToDictionary(group => group.Key, group => group.Select(refusal => refusal.English).ToArray());
        var first = refusals[0];
        return TypedResults.ValidationProblem(errors, title: title ?? first.Title,
            extensions: new Dictionary<string, object?> { ["code"] = first.Code, ["dutch"] = first.Dutch });
    }

    public static ProblemHttpResult Problem(Refusal refusal)
    {
        var extensions = new Dictionary<string, object?>(refusal.Extensions ?? new Dictionary<string, object?>())
        {
            ["code"] = refusal.Code, ["dutch"] = refusal.Dutch,
        };
        return TypedResults.Problem(refusal.English, statusCode: refusal.Status, title: refusal.Title, extensions: extensions);
    }
}
