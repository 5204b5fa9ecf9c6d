using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Identity;
using Participation.App.Photos;
using SkiaSharp;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Photos;

/// <summary>
/// Photos in the browser: the submitter follows the link from the confirmation e-mail, uploads a photo with the plain
/// form, sees it on the public page; the official removes it after confirming. Every page passes <see cref="PageChecks"/>.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class PhotoTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Submitter_uploads_a_photo_through_the_page_it_shows_and_an_official_removes_it()
    {
        var resident = await site.NewPageAsync();
        var code = await Journeys.SubmitAsync(resident, "Bloembakken op het plein", "Het plein is grijs; bloembakken maken het vrolijker.");
        var key = AddPhoto.KeyFor(site.App.Services.GetRequiredService<Pseudonyms>(), code);
        var checks = new PageChecks(output);

        await resident.GotoAsync($"/initiatieven/{code}/fotos?key={key}");
        await checks.CheckAsync(resident, "upload form");
        var camera = TestImages.WithExif(TestImages.Encode(2000, 1500, SKEncodedImageFormat.Jpeg), orientation: 1);
        await resident.GetByLabel("Foto", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "plein.jpg", MimeType = "image/jpeg", Buffer = camera });
        await resident.GetByRole(AriaRole.Button, new() { Name = "Foto toevoegen" }).ClickAsync();
        Assert.Contains("Uw foto is toegevoegd", await resident.GetByTestId("photo-added").InnerTextAsync());
        await checks.CheckAsync(resident, "upload form with a photo");

        // A refusal is said in Dutch next to the field, and nothing is added.
        await resident.GetByLabel("Foto", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = "geen foto"u8.ToArray() });
        await resident.GetByRole(AriaRole.Button, new() { Name = "Foto toevoegen" }).ClickAsync();
        Assert.Contains("Dit is geen JPEG-, PNG- of WebP-foto.", await resident.Locator(".utrecht-form-field-error-message").InnerTextAsync());
        await checks.CheckAsync(resident, "upload form with an error");

        await resident.GotoAsync($"/initiatieven/{code}");
        var thumbnail = resident.GetByTestId("photos").Locator("img");
        Assert.Equal(1, await thumbnail.CountAsync());
        Assert.StartsWith("Foto bij initiatief Bloembakken op het plein", await thumbnail.GetAttributeAsync("alt"));
        await thumbnail.ScrollIntoViewIfNeededAsync();
        Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth === 400, () => false)"), "the thumbnail loads, 400 px wide");
        await checks.CheckAsync(resident, "public page with a photo");

        // Without the key the form is not offered.
        await resident.GotoAsync($"/initiatieven/{code}/fotos");
        Assert.Equal(1, await resident.GetByTestId("photos-refused").CountAsync());
        Assert.Equal(0, await resident.Locator("input[type=file]").CountAsync());

        var official = await site.NewPageAsync(Site.Official);
        await official.GotoAsync($"/behandelen/{code}");
        Assert.Equal(1, await official.GetByTestId("case-photos").Locator("img").CountAsync());
        await official.GetByRole(AriaRole.Link, new() { Name = "Foto 1 verwijderen" }).ClickAsync();
        await checks.CheckAsync(official, "remove confirmation");
        await official.GetByTestId("confirm-remove").ClickAsync();
        Assert.Contains("Foto verwijderd", await official.GetByTestId("done").InnerTextAsync());
        Assert.Equal(0, await official.GetByTestId("case-photos").CountAsync());

        await resident.GotoAsync($"/initiatieven/{code}");
        Assert.Equal(0, await resident.GetByTestId("photos").CountAsync());
        checks.AssertNone();
    }
}
