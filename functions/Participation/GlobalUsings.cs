// The namespaces nearly every part of the host uses: its sign-in and roles, its storage helpers, ASP.NET Core MVC and
// Razor Pages, options and cultures, use-case outcomes and tracking codes. Everything else is imported where it is used.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.Extensions.Options;
global using Participation.App.Identity;
global using Participation.App.Storage;
global using Participation.App.UseCases;
global using Participation.Municipality.Tracking;
global using System.Globalization;
