using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Participation.Web;

/// <summary>
/// The budgeting pages call the API's use-case handlers and read their typed results here: the value on success, the
/// field errors of a ValidationProblem to show next to the fields, or the problem's status and text. (Initiatives'
/// pages call handlers that return an <c>Outcome</c> instead; budgeting follows.)
/// </summary>
public static class UseCaseResults
{
    public static T? Value<T>(IResult result) where T : class => result is IValueHttpResult<T> { Value: { } value } ? value : null;

    public static IDictionary<string, string[]> Errors(IResult result) =>
        result is ValidationProblem validation ? validation.ProblemDetails.Errors : new Dictionary<string, string[]>();

    public static ProblemDetails? Problem(IResult result) => result switch
    {
        ProblemHttpResult problem => problem.ProblemDetails,
        ValidationProblem validation => validation.ProblemDetails,
        _ => null,
    };

    public static int? Status(IResult result) => result is IStatusCodeHttpResult status ? status.StatusCode : null;
}
