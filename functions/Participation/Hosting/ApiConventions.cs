using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OpenApi;
using Participation.App.Identity;
using Scalar.AspNetCore;

namespace Participation.App.Hosting;

/// <summary>What every HTTP function shares: RFC 7807 errors, the correlation id, the OpenAPI document and its reference page.</summary>
public static class ApiConventions
{
    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (Correlation.Current is { } correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }

            // Say what was wrong with the request, never more (no exception text of our own code).
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Title = "The request cannot be read";
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException
                    ? "The request body is not valid JSON for this call."
                    : "The request is malformed.";
                context.ProblemDetails.Extensions["field"] = "body";
            }
        });
        builder.Services.AddOpenApi(options => options.CreateSchemaReferenceId = SchemaReferenceId);
        // Malformed requests go through the exception handler in every environment, so each gets the same problem+json.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Requests larger than this are refused before any handler reads them; features that need more (a .pb upload) raise it per endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        return builder;
    }

    /// <summary>
    /// Use cases nest their records (<c>SubmitInitiative.Request</c>, <c>CreateBudget.Request</c>); the default id is the
    /// bare type name, so every <c>Request</c> would be documented as the first one. The declaring types make it unique.
    /// </summary>
    private static string? SchemaReferenceId(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null || !type.Type.IsNested)
        {
            return id;
        }

        var prefix = "";
        for (var declaring = type.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
        {
            prefix = declaring.Name.Split('`')[0] + prefix;
        }

        return prefix + id;
    }

    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var correlationId = Correlation.Accept(context.Request.Headers[Correlation.HeaderName]);
            Correlation.Set(Activity.Current, correlationId);
            context.Response.Headers[Correlation.HeaderName] = correlationId;
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Participation.Http");
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
            {
                await next(context);
            }
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapOpenApi().WithMetadata(new ExcludeFromFunctionsMetadata()).AllowAnonymous();
        // Its one inline script gets a nonce of our CSP; its fonts would come from its own CDN, which the CSP refuses.
        app.MapScalarApiReference((options, context) => options.WithNonce(SecurityHeaders.ScriptNonce(context)).DisableDefaultFonts()).WithMetadata(new ExcludeFromFunctionsMetadata()).AllowAnonymous();
        return app;
    }
}
