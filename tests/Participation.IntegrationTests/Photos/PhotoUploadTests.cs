using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Audit;
using Participation.App.Identity;
using Participation.Municipality.Tracking;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Photos;
using SkiaSharp;

namespace Participation.IntegrationTests.Photos;

/// <summary>
/// Photos on real Azurite (tables and blobs) through the real app: the submitter's upload is re-encoded without EXIF/GPS,
/// upright and resized, served with long-lived cache headers; strangers, non-images and a fourth photo are refused;
/// an official's removal is audited; a privacy erasure takes the photos with it.
/// </summary>
public sealed class PhotoUploadTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task A_jpeg_with_gps_exif_comes_back_upright_resized_and_without_any_metadata()
    {
        var code = await SubmitAsync();
        // Stored 2400 × 1200 with orientation 6: a phone held upright, so the picture is 1200 wide and 2400 high.
        var camera = TestImages.WithExif(TestImages.Encode(2400, 1200, SKEncodedImageFormat.Jpeg), orientation: 6);
        Assert.Contains(TestImages.JpegSegments(camera), s => s.Marker == 0xE1 && s.Payload.AsSpan().StartsWith("Exif\0\0"u8));
        using (var original = SKCodec.Create(new MemoryStream(camera)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, original.EncodedOrigin); // the fixture's EXIF is read as a camera's would be
        }

        var response = await UploadAsync(code, camera, "IMG_2041.jpg", "image/jpeg", key: KeyFor(code));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/initiatives/{code}/photos/{id}", body.GetProperty("url").GetString());
        Assert.Equal($"/api/initiatives/{code}/photos/{id}/thumbnail", body.GetProperty("thumbnailUrl").GetString());

        var large = await office.Anonymous.GetAsync(body.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal("image/jpeg", large.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", large.Headers.GetValues("X-Content-Type-Options").Single());
        var cache = large.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("immutable", large.Headers.GetValues("Cache-Control").Single());
        var bytes = await large.Content.ReadAsByteArrayAsync();

        // No metadata segment survives: only JFIF-free pixels, tables and frame headers; and no EXIF or GPS anywhere.
        var segments = TestImages.JpegSegments(bytes);
        Assert.DoesNotContain(segments, s => s.Marker is >= 0xE1 and <= 0xEF || s.Marker == 0xFE);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif"u8));
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal((800, 1600), (codec.Info.Width, codec.Info.Height));
        // Upright: the red corner of the stored pixels (top left) is now top right.
        using var decoded = SKBitmap.Decode(bytes);
        Assert.True(IsRed(decoded.GetPixel(decoded.Width - 20, 20)), "the top-right corner is red after turning");
        Assert.False(IsRed(decoded.GetPixel(20, 20)), "the top-left corner is not red after turning");

        var thumbnail = await office.Anonymous.GetAsync(body.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        using var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal((200, 400), (small.Width, small.Height));
        Assert.True(thumbnail.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task Png_and_webp_are_accepted_and_served_in_their_own_format()
    {
        var code = await SubmitAsync();

        var png = await UploadAsync(code, TestImages.Encode(640, 480, SKEncodedImageFormat.Png), "plein.png", "image/png", KeyFor(code));
        var webp = await UploadAsync(code, TestImages.Encode(3000, 2000, SKEncodedImageFormat.Webp), "plein.webp", "image/webp", KeyFor(code));

        Assert.Equal(HttpStatusCode.Created, png.StatusCode);
        Assert.Equal(HttpStatusCode.Created, webp.StatusCode);
        var served = await office.Anonymous.GetAsync((await png.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        using (var decoded = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((640, 480), (decoded.Width, decoded.Height)); // small pictures are not enlarged
        }

        var servedWebp = await office.Anonymous.GetAsync((await webp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
        Assert.Equal("image/webp", servedWebp.Content.Headers.ContentType!.MediaType);
        using var large = SKBitmap.Decode(await servedWebp.Content.ReadAsByteArrayAsync());
        Assert.Equal((1600, 1067), (large.Width, large.Height));
        var list = await office.Anonymous.GetFromJsonAsync<JsonElement>($"/api/initiatives/{code}/photos");
        Assert.Equal(2, list.GetArrayLength());
    }

    [Fact]
    public async Task A_text_file_named_jpg_a_pixel_bomb_and_a_truncated_jpeg_are_refused_and_nothing_is_stored()
    {
        var code = await SubmitAsync();

        var text = await UploadAsync(code, Encoding.UTF8.GetBytes("Dit is geen foto, maar een tekstbestand.\n"), "foto.jpg", "image/jpeg", KeyFor(code));
        var bomb = await UploadAsync(code, TestImages.PngClaiming(30_000, 30_000), "bom.png", "image/png", KeyFor(code));
        var jpeg = TestImages.Encode(800, 600, SKEncodedImageFormat.Jpeg);
        var truncated = await UploadAsync(code, jpeg[..(jpeg.Length / 3)], "half.jpg", "image/jpeg", KeyFor(code));

        await AssertProblemAsync(text, HttpStatusCode.BadRequest, "photo.unsupported_type");
        await AssertProblemAsync(bomb, HttpStatusCode.BadRequest, "photo.too_many_pixels");
        await AssertProblemAsync(truncated, HttpStatusCode.BadRequest, "photo.not_decodable");
        Assert.Empty(await Photos.ListAsync(code, CancellationToken.None));
        Assert.Empty(await Photos.BlobNamesAsync(code, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused_with_413()
    {
        var code = await SubmitAsync();
        var big = new byte[PhotoProcessor.MaxBytes + 1];
        TestImages.Encode(100, 100, SKEncodedImageFormat.Jpeg).CopyTo(big, 0);

        var response = await UploadAsync(code, big, "groot.jpg", "image/jpeg", KeyFor(code));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "photo.too_large");
        Assert.Empty(await Photos.ListAsync(code, CancellationToken.None));
    }

    [Fact]
    public async Task At_most_three_photos_even_when_five_arrive_at_once_and_a_retried_upload_is_not_counted_twice()
    {
        var code = await SubmitAsync();
        var first = TestImages.Encode(300, 200, SKEncodedImageFormat.Jpeg, shade: 10);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(code, first, "1.jpg", "image/jpeg", KeyFor(code))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(code, first, "1.jpg", "image/jpeg", KeyFor(code))).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            UploadAsync(code, TestImages.Encode(300, 200, SKEncodedImageFormat.Jpeg, shade: (byte)(40 * i)), $"{i}.jpg", "image/jpeg", KeyFor(code))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "photo.limit_reached");
        }

        Assert.Equal(3, (await Photos.ListAsync(code, CancellationToken.None)).Count);
        Assert.Equal(6, (await Photos.BlobNamesAsync(code, CancellationToken.None)).Count); // refused pictures leave no blobs
    }

    [Fact]
    public async Task Only_the_submitter_may_upload_the_tracking_code_alone_proves_nothing()
    {
        var code = await SubmitAsync();
        var photo = TestImages.Encode(300, 200, SKEncodedImageFormat.Jpeg);

        var anonymous = await UploadAsync(code, photo, "a.jpg", "image/jpeg", key: null);
        var wrongKey = await UploadAsync(code, photo, "a.jpg", "image/jpeg", key: KeyFor(TrackingCode.New().Value));
        var otherInitiativesKey = await UploadAsync(code, photo, "a.jpg", "image/jpeg", key: KeyFor(await SubmitAsync()));
        var otherResident = await UploadAsync(code, photo, "a.jpg", "image/jpeg", key: null, client: await office.Factory.AsAsync("resident-milan"));

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "photo.sign_in_required");
        await AssertProblemAsync(wrongKey, HttpStatusCode.Forbidden, "photo.not_submitter");
        await AssertProblemAsync(otherInitiativesKey, HttpStatusCode.Forbidden, "photo.not_submitter");
        await AssertProblemAsync(otherResident, HttpStatusCode.Forbidden, "photo.not_submitter");
        Assert.Empty(await Photos.ListAsync(code, CancellationToken.None));

        // The signed-in resident who submitted it needs no key.
        var sanne = await office.Factory.AsAsync("resident-sanne");
        var submitted = await sanne.PostAsJsonAsync("/api/initiatives", new { title = "Bankje bij de vijver", description = "Een bank om te rusten.", neighbourhood = "zuidwijk" });
        var own = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(own, photo, "a.jpg", "image/jpeg", key: null, client: sanne)).StatusCode);
    }

    [Fact]
    public async Task The_confirmation_email_carries_the_personal_photo_link_and_it_works()
    {
        var email = $"foto-{Guid.NewGuid():N}@example.org";
        var code = await SubmitAsync(email);

        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Body.Contains("/fotos?key="))), "the confirmation has the photo link");
        var body = office.SendGrid.Accepted.First(m => m.To == email && m.Body.Contains("/fotos?key=")).Body;
        var key = Regex.Match(body, $"/initiatieven/{code}/fotos\\?key=([0-9a-f]{{32}})").Groups[1].Value;

        Assert.Equal(KeyFor(code), key);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(code, TestImages.Encode(300, 200, SKEncodedImageFormat.Png), "a.png", "image/png", key)).StatusCode);
    }

    [Fact]
    public async Task An_official_of_the_neighbourhood_removes_a_photo_which_is_audited_and_gone()
    {
        var code = await SubmitAsync();
        await office.WaitForStatusAsync(code, "routed");
        var uploaded = await UploadAsync(code, TestImages.Encode(300, 200, SKEncodedImageFormat.Jpeg), "a.jpg", "image/jpeg", KeyFor(code));
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var resident = await (await office.Factory.AsAsync("resident-sanne")).DeleteAsync($"/api/initiatives/{code}/photos/{id}");
        var otherNeighbourhood = await (await office.Factory.AsAsync("anouk.devries")).DeleteAsync($"/api/initiatives/{code}/photos/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherNeighbourhood.StatusCode);
        Assert.Single(await Photos.ListAsync(code, CancellationToken.None));

        var removed = await (await office.Factory.AsAsync("jeroen.meijer")).DeleteAsync($"/api/initiatives/{code}/photos/{id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Anonymous.GetAsync($"/api/initiatives/{code}/photos/{id}")).StatusCode);
        Assert.Empty(await Photos.BlobNamesAsync(code, CancellationToken.None));
        var audit = await office.Factory.Services.GetRequiredService<AuditLog>().ReadAsync(new AuditLog.Filter(Subject: code), CancellationToken.None);
        var entry = Assert.Single(audit, e => e.Action == "photo.removed");
        Assert.Equal("jeroen.meijer", entry.ActorId);
        Assert.Equal($"initiative/{code}/photos/{id}", entry.Subject);
        // The freed place can be used again.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(code, TestImages.Encode(301, 200, SKEncodedImageFormat.Jpeg), "b.jpg", "image/jpeg", KeyFor(code))).StatusCode);
    }

    [Fact]
    public async Task Photos_of_an_unknown_initiative_are_not_served_and_unknown_ids_are_404()
    {
        var code = await SubmitAsync();
        var unknown = TrackingCode.New().Value;

        Assert.Equal(HttpStatusCode.NotFound, (await office.Anonymous.GetAsync($"/api/initiatives/{code}/photos/{new string('a', 24)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Anonymous.GetAsync($"/api/initiatives/{unknown}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Anonymous.GetAsync("/api/initiatives/not-a-code/photos/x")).StatusCode);
        await AssertProblemAsync(await UploadAsync(unknown, [1, 2, 3], "a.jpg", "image/jpeg", KeyFor(unknown)),
            HttpStatusCode.NotFound, "photo.initiative_not_found");
    }

    [Fact]
    public async Task A_privacy_erasure_deletes_the_photos_of_the_residents_initiatives()
    {
        var email = $"wissen-{Guid.NewGuid():N}@example.org";
        var code = await SubmitAsync(email);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(code, TestImages.Encode(300, 200, SKEncodedImageFormat.Jpeg), "a.jpg", "image/jpeg", KeyFor(code))).StatusCode);
        await Eventually.HoldsAsync(async () => await office.Factory.Services.GetRequiredService<Participation.App.Privacy.ContactStore>().FindAsync(code, CancellationToken.None) is not null, "the contact is stored");

        var asked = await office.Anonymous.PostAsJsonAsync("/api/privacy/requests", new { email, locale = "nl" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Body.Contains("/privacy/"))), "the link is e-mailed");
        var token = Regex.Match(office.SendGrid.Accepted.Last(m => m.To == email && m.Body.Contains("/privacy/")).Body, "/privacy/([0-9a-f]{48})").Groups[1].Value;
        var deleted = await office.Anonymous.DeleteAsync($"/api/privacy/requests/{token}/data");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(await Photos.ListAsync(code, CancellationToken.None));
        Assert.Empty(await Photos.BlobNamesAsync(code, CancellationToken.None));
    }

    private PhotoStore Photos => office.Factory.Services.GetRequiredService<PhotoStore>();

    private string KeyFor(string code) => AddPhoto.KeyFor(office.Factory.Services.GetRequiredService<Pseudonyms>(), TrackingCode.Parse(code).Value);

    private Task<string> SubmitAsync(string? email = null) =>
        office.SubmitAsync(new { title = "Bankje bij de vijver", description = "Een bank om te rusten.", neighbourhood = "zuidwijk", theme = "groen", email });

    private async Task<HttpResponseMessage> UploadAsync(string code, byte[] bytes, string fileName, string contentType, string? key, HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (key is not null)
        {
            form.Add(new StringContent(key), "key");
        }

        return await (client ?? office.Anonymous).PostAsync($"/api/initiatives/{code}/photos", form);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("dutch").GetString()));
    }

    private static bool IsRed(SKColor color) => color.Red > 200 && color.Green < 80 && color.Blue < 80;
}
