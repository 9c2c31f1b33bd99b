using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Tests.TagHelpers;

/// <summary>
/// Renders the GOV.UK tag helpers directly (no server) and checks the markup that matters:
/// ids, classes, error states from ModelState, posted values and encoding.
/// </summary>
public sealed class TagHelperRenderingTests
{
    private static readonly EmptyModelMetadataProvider MetadataProvider = new();

    // ---- Error summary ----------------------------------------------------------------

    [Fact]
    public async Task ErrorSummary_ModelStateValid_RendersNothing()
    {
        var helper = new GovukErrorSummaryTagHelper { ViewContext = ViewContextFor(new TestPage(), new ModelStateDictionary()) };

        var html = await RenderAsync(helper, "govuk-error-summary");

        Assert.Equal(string.Empty, html.Trim());
    }

    [Fact]
    public async Task ErrorSummary_FieldErrors_LinkToGeneratedFieldIds()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Name", "Enter your full name");
        modelState.AddModelError("Items[0].Title", "Enter a title");
        var helper = new GovukErrorSummaryTagHelper { ViewContext = ViewContextFor(new object(), modelState) };

        var root = Parse(await RenderAsync(helper, "govuk-error-summary"));

        var summary = root.QuerySelector("div.govuk-error-summary")!;
        Assert.Equal("govuk-error-summary", summary.GetAttribute("data-module"));
        Assert.Equal("There is a problem", summary.QuerySelector("[role=alert] h2.govuk-error-summary__title")!.TextContent.Trim());
        var links = summary.QuerySelectorAll("ul.govuk-list.govuk-error-summary__list li a")
            .ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("#Input_Name", links["Enter your full name"]);
        Assert.Equal("#Items_0__Title", links["Enter a title"]);
    }

    [Fact]
    public async Task ErrorSummary_ModelLevelError_ListedFirstWithoutLinkAndEncoded()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Name", "Enter your full name");
        modelState.AddModelError(string.Empty, "Could not save <b>now</b>");
        var helper = new GovukErrorSummaryTagHelper { ViewContext = ViewContextFor(new TestPage(), modelState) };

        var html = await RenderAsync(helper, "govuk-error-summary");
        var items = Parse(html).QuerySelectorAll(".govuk-error-summary__list li");

        Assert.Equal("Could not save <b>now</b>", items[0].TextContent.Trim());
        Assert.Null(items[0].QuerySelector("a"));
        Assert.Null(items[0].QuerySelector("b"));
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.NotNull(items[1].QuerySelector("a[href='#Input_Name']"));
    }

    [Fact]
    public async Task ErrorSummary_ErrorsAddedOutOfOrder_FollowPropertyDeclarationOrder()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Email", "Enter an email address");
        modelState.AddModelError("Input.Start", "Enter the start date");
        modelState.AddModelError("Input.Name", "Enter your full name");
        var helper = new GovukErrorSummaryTagHelper { ViewContext = ViewContextFor(new TestPage(), modelState) };

        var hrefs = Parse(await RenderAsync(helper, "govuk-error-summary"))
            .QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => a.GetAttribute("href"))
            .ToList();

        Assert.Equal(["#Input_Name", "#Input_Start_Day", "#Input_Email"], hrefs);
    }

    [Fact]
    public async Task ErrorSummary_DateErrorKnownOnlyFromPostedParts_LinksToDayInput()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Dob.Day", "31", "31");
        modelState.SetModelValue("Dob.Month", "2", "2");
        modelState.SetModelValue("Dob.Year", "2026", "2026");
        modelState.AddModelError("Dob", "Date of birth must be a real date");
        modelState.AddModelError("Dob.Year", "Date of birth must include a year");
        var helper = new GovukErrorSummaryTagHelper { ViewContext = ViewContextFor(new object(), modelState) };

        var hrefs = Parse(await RenderAsync(helper, "govuk-error-summary"))
            .QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => a.GetAttribute("href"))
            .ToList();

        Assert.Contains("#Dob_Day", hrefs);
        Assert.Contains("#Dob_Year", hrefs);
    }

    // ---- Input ------------------------------------------------------------------------

    [Fact]
    public async Task Input_WithErrorAndHint_RendersGovukErrorMarkup()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Email", "Enter an email address");
        var helper = Field(new GovukInputTagHelper { Label = "Email address", Hint = "We only use it for this case", InputClass = "govuk-input--width-20", Type = "email" }, "Input.Email", null, modelState);

        var root = Parse(await RenderAsync(helper, "govuk-input"));

        var group = root.QuerySelector("div.govuk-form-group")!;
        Assert.Contains("govuk-form-group--error", group.ClassList);
        var input = group.QuerySelector("input")!;
        Assert.Equal("Input_Email", input.Id);
        Assert.Equal("Input.Email", input.GetAttribute("name"));
        Assert.Equal("email", input.GetAttribute("type"));
        Assert.Equal(["govuk-input", "govuk-input--width-20", "govuk-input--error"], input.ClassList.ToArray());
        Assert.Equal("Input_Email-hint Input_Email-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Input_Email", group.QuerySelector("label.govuk-label")!.GetAttribute("for"));
        Assert.Equal("We only use it for this case", group.QuerySelector("#Input_Email-hint.govuk-hint")!.TextContent.Trim());
        var error = group.QuerySelector("p#Input_Email-error.govuk-error-message")!;
        Assert.Equal("Error:", error.QuerySelector("span.govuk-visually-hidden")!.TextContent);
        Assert.Equal("Error: Enter an email address", error.TextContent.Trim());
    }

    [Fact]
    public async Task Input_AttemptedValueInModelState_WinsOverModelValue()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Age", "twelve", "twelve");
        modelState.AddModelError("Input.Age", "Age must be a number");
        var helper = Field(new GovukInputTagHelper { Label = "Age" }, "Input.Age", 12, modelState);

        var input = Parse(await RenderAsync(helper, "govuk-input")).QuerySelector("input")!;

        Assert.Equal("twelve", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_NoAttemptedValue_ShowsModelValueWithoutErrorState()
    {
        var helper = Field(new GovukInputTagHelper { Label = "Name", Autocomplete = "name", Spellcheck = false }, "Input.Name", "Sam O'Neil", new ModelStateDictionary());

        var root = Parse(await RenderAsync(helper, "govuk-input"));
        var input = root.QuerySelector("input")!;

        Assert.Equal("Sam O'Neil", input.GetAttribute("value"));
        Assert.Equal("name", input.GetAttribute("autocomplete"));
        Assert.Equal("false", input.GetAttribute("spellcheck"));
        Assert.False(input.HasAttribute("aria-describedby"));
        Assert.DoesNotContain("govuk-form-group--error", root.QuerySelector(".govuk-form-group")!.ClassList);
    }

    [Fact]
    public async Task Input_ScriptInLabelHintAndValue_IsHtmlEncoded()
    {
        const string Attack = "<script>alert(1)</script>";
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Name", Attack);
        var helper = Field(new GovukInputTagHelper { Label = Attack, Hint = Attack }, "Input.Name", "\"><script>alert(2)</script>", modelState);

        var html = await RenderAsync(helper, "govuk-input");
        var root = Parse(html);

        Assert.Empty(root.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Attack, root.QuerySelector("label")!.TextContent.Trim());
        Assert.Equal("\"><script>alert(2)</script>", root.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_PasswordType_NeverEchoesValue()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Password", "hunter2", "hunter2");
        var helper = Field(new GovukInputTagHelper { Label = "Password", Type = "password" }, "Input.Password", "hunter2", modelState);

        var input = Parse(await RenderAsync(helper, "govuk-input")).QuerySelector("input")!;

        Assert.False(input.HasAttribute("value"));
    }

    [Fact]
    public async Task Input_LabelIsPageHeading_WrapsLabelInH1()
    {
        var helper = Field(new GovukInputTagHelper { Label = "What is your name?", LabelIsPageHeading = true }, "Input.Name", null, new ModelStateDictionary());

        var label = Parse(await RenderAsync(helper, "govuk-input")).QuerySelector("h1.govuk-label-wrapper > label")!;

        Assert.Equal(["govuk-label", "govuk-label--l"], label.ClassList.ToArray());
    }

    // ---- Choices ----------------------------------------------------------------------

    [Fact]
    public async Task Radios_PostedValueAndError_ChecksPostedItemAndNumbersIds()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Route", "email", "email");
        modelState.AddModelError("Input.Route", "Select how it was raised");
        var items = new[] { new SelectListItem("Letter", "letter", selected: true), new SelectListItem("Email", "email") };
        var helper = Field(new GovukRadiosTagHelper { Legend = "How was it raised?", Items = items, Inline = true }, "Input.Route", "letter", modelState);

        var root = Parse(await RenderAsync(helper, "govuk-radios"));

        var fieldset = root.QuerySelector(".govuk-form-group.govuk-form-group--error > fieldset.govuk-fieldset")!;
        Assert.Equal("Input_Route-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("How was it raised?", fieldset.QuerySelector("legend.govuk-fieldset__legend")!.TextContent.Trim());
        var radios = fieldset.QuerySelector("div.govuk-radios.govuk-radios--inline[data-module=govuk-radios]")!;
        var inputs = radios.QuerySelectorAll("input[type=radio]");
        Assert.Equal(["Input_Route", "Input_Route-2"], inputs.Select(i => i.Id));
        Assert.False(inputs[0].HasAttribute("checked"));
        Assert.True(inputs[1].HasAttribute("checked"));
    }

    [Fact]
    public async Task Checkboxes_ListModelAndPostedValues_PostedValuesWin()
    {
        var items = new[] { new SelectListItem("Conduct", "conduct"), new SelectListItem("Casework", "casework"), new SelectListItem("Info", "info") };
        var posted = new ModelStateDictionary();
        posted.SetModelValue("Input.Topics", new[] { "conduct", "info" }, "conduct,info");

        var fromModel = Parse(await RenderAsync(Field(new GovukCheckboxesTagHelper { Legend = "Topics", Items = items }, "Input.Topics", new List<string> { "casework" }, new ModelStateDictionary()), "govuk-checkboxes"));
        var fromPost = Parse(await RenderAsync(Field(new GovukCheckboxesTagHelper { Legend = "Topics", Items = items }, "Input.Topics", new List<string> { "casework" }, posted), "govuk-checkboxes"));

        Assert.Equal(["casework"], fromModel.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["conduct", "info"], fromPost.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.All(fromPost.QuerySelectorAll("input"), i => Assert.Equal("Input.Topics", i.GetAttribute("name")));
    }

    [Fact]
    public async Task Select_PlaceholderAndModelValue_EmptyFirstOptionAndMatchSelected()
    {
        var items = new[] { new SelectListItem("Planning", "planning"), new SelectListItem("Housing", "housing") };
        var helper = Field(new GovukSelectTagHelper { Label = "Service", Items = items, Placeholder = "Choose a service" }, "Input.Service", "housing", new ModelStateDictionary());

        var options = Parse(await RenderAsync(helper, "govuk-select")).QuerySelectorAll("select.govuk-select#Input_Service option");

        Assert.Equal(string.Empty, options[0].GetAttribute("value"));
        Assert.Equal("Choose a service", options[0].TextContent);
        Assert.Equal(["housing"], options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Checkbox_BoolModelTrue_CheckedWithHiddenFalseFallback()
    {
        var helper = Field(new GovukCheckboxTagHelper { Label = "I confirm", Hint = "You can change it later" }, "Input.Confirmed", true, new ModelStateDictionary());

        var root = Parse(await RenderAsync(helper, "govuk-checkbox"));

        var box = root.QuerySelector(".govuk-checkboxes[data-module=govuk-checkboxes] input.govuk-checkboxes__input[type=checkbox]")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("true", box.GetAttribute("value"));
        Assert.Equal("Input_Confirmed-item-hint", box.GetAttribute("aria-describedby"));
        Assert.Equal("false", root.QuerySelector("input[type=hidden][name='Input.Confirmed']")!.GetAttribute("value"));
    }

    // ---- Date input -------------------------------------------------------------------

    [Fact]
    public async Task DateInput_WholeDateErrorWithPostedParts_MarksEveryBoxAndRedisplaysInput()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Start.Day", "31", "31");
        modelState.SetModelValue("Input.Start.Month", "2", "2");
        modelState.SetModelValue("Input.Start.Year", "2026", "2026");
        modelState.AddModelError("Input.Start", "Start date must be a real date");
        var helper = Field(new GovukDateInputTagHelper { Legend = "When did it start?", Hint = "For example, 27 3 2026" }, "Input.Start", DateParts.From(new DateOnly(2025, 1, 2)), modelState);

        var root = Parse(await RenderAsync(helper, "govuk-date-input"));

        var fieldset = root.QuerySelector(".govuk-form-group--error fieldset.govuk-fieldset[role=group]")!;
        Assert.Equal("Input_Start-hint Input_Start-error", fieldset.GetAttribute("aria-describedby"));
        var inputs = fieldset.QuerySelectorAll("div.govuk-date-input#Input_Start input");
        Assert.Equal(["Input_Start_Day", "Input_Start_Month", "Input_Start_Year"], inputs.Select(i => i.Id));
        Assert.Equal(["Input.Start.Day", "Input.Start.Month", "Input.Start.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["31", "2", "2026"], inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Contains("govuk-input--error", i.ClassList));
        Assert.Contains("govuk-input--width-4", inputs[2].ClassList);
        Assert.Equal("Error: Start date must be a real date", fieldset.QuerySelector("#Input_Start-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task DateInput_ErrorOnYearOnly_MarksOnlyYearBox()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Start.Year", "Start date must include a year");
        var helper = Field(new GovukDateInputTagHelper { Legend = "When did it start?" }, "Input.Start", new DateParts { Day = "4", Month = "7" }, modelState);

        var inputs = Parse(await RenderAsync(helper, "govuk-date-input")).QuerySelectorAll(".govuk-date-input input");

        Assert.Equal([false, false, true], inputs.Select(i => i.ClassList.Contains("govuk-input--error")));
        Assert.Equal(["4", "7", null], inputs.Select(i => i.GetAttribute("value")));
    }

    [Theory]
    [InlineData("27", "3", "2026", 2026, 3, 27)]
    [InlineData(" 1 ", "01", "2024", 2024, 1, 1)]
    [InlineData("29", "2", "2024", 2024, 2, 29)]
    [InlineData("5", "Sept", "2025", 2025, 9, 5)]
    [InlineData("5", "february", "2025", 2025, 2, 5)]
    public void DateParts_RealDate_TryGetDateSucceeds(string day, string month, string year, int y, int m, int d)
    {
        var parts = new DateParts { Day = day, Month = month, Year = year };

        Assert.True(parts.TryGetDate(out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.False(parts.IsEmpty);
    }

    [Theory]
    [InlineData("31", "2", "2026")]
    [InlineData("29", "2", "2025")]
    [InlineData("31", "4", "2026")]
    [InlineData("0", "1", "2026")]
    [InlineData("1", "13", "2026")]
    [InlineData("1", "1", "26")]
    [InlineData("1", "Ma", "2026")]
    [InlineData("1x", "1", "2026")]
    [InlineData("12", "3", null)]
    [InlineData(null, "3", "2026")]
    [InlineData("", "", "")]
    public void DateParts_InvalidOrPartialDate_TryGetDateFails(string? day, string? month, string? year)
    {
        var parts = new DateParts { Day = day, Month = month, Year = year };

        Assert.False(parts.TryGetDate(out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void DateParts_FromDateAndFromNull_RoundTripAndEmpty()
    {
        var parts = DateParts.From(new DateOnly(2026, 3, 7));

        Assert.Equal(("7", "3", "2026"), (parts.Day, parts.Month, parts.Year));
        Assert.True(parts.TryGetDate(out var date));
        Assert.Equal(new DateOnly(2026, 3, 7), date);
        Assert.True(DateParts.From(null).IsEmpty);
        Assert.True(new DateParts { Day = " ", Month = null, Year = "" }.IsEmpty);
    }

    // ---- Display components -----------------------------------------------------------

    [Fact]
    public async Task Tag_Colour_AddsModifierAndUnknownColourThrows()
    {
        var root = Parse(await RenderAsync(new GovukTagTagHelper { Colour = "green" }, "govuk-tag", childContent: "Resolved"));
        var blue = Parse(await RenderAsync(new GovukTagTagHelper { Colour = "blue" }, "govuk-tag", childContent: "Open"));

        Assert.Equal(["govuk-tag", "govuk-tag--green"], root.QuerySelector("strong")!.ClassList.ToArray());
        Assert.Equal("Resolved", root.QuerySelector("strong")!.TextContent);
        Assert.Equal(["govuk-tag"], blue.QuerySelector("strong")!.ClassList.ToArray());
        await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(new GovukTagTagHelper { Colour = "gold" }, "govuk-tag"));
    }

    [Fact]
    public async Task Button_Defaults_SubmitButtonWithGovukModuleAndEncodedText()
    {
        var root = Parse(await RenderAsync(new GovukButtonTagHelper { Text = "Save & <continue>", Secondary = true, PreventDoubleClick = true }, "govuk-button"));

        var button = root.QuerySelector("button")!;
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("govuk-button", button.GetAttribute("data-module"));
        Assert.Equal("true", button.GetAttribute("data-prevent-double-click"));
        Assert.Equal(["govuk-button", "govuk-button--secondary"], button.ClassList.ToArray());
        Assert.Equal("Save & <continue>", button.TextContent);
    }

    [Fact]
    public async Task SummaryList_RowWithoutActionAmongRowsWithActions_GetsNoActionsClass()
    {
        var helper = new GovukSummaryListTagHelper();
        var context = NewContext("govuk-summary-list");
        var output = new TagHelperOutput("govuk-summary-list", [], async (_, _) =>
        {
            // What Razor does: run the rows with the list's items, then hand back their (suppressed) output.
            await RenderChildAsync(new GovukSummaryRowTagHelper { Key = "Name", ActionHref = "/change/name", ActionHiddenText = "name" }, context, "Sam &lt;Smith&gt;");
            await RenderChildAsync(new GovukSummaryRowTagHelper { Key = "Status" }, context, "<strong class=\"govuk-tag\">Open</strong>");
            return new DefaultTagHelperContent();
        });

        await helper.ProcessAsync(context, output);
        var rows = Parse(Write(output)).QuerySelectorAll("dl.govuk-summary-list > div.govuk-summary-list__row");

        Assert.Equal(2, rows.Length);
        Assert.Equal("Name", rows[0].QuerySelector("dt.govuk-summary-list__key")!.TextContent.Trim());
        Assert.Equal("Sam <Smith>", rows[0].QuerySelector("dd.govuk-summary-list__value")!.TextContent.Trim());
        var action = rows[0].QuerySelector("dd.govuk-summary-list__actions a.govuk-link")!;
        Assert.Equal("/change/name", action.GetAttribute("href"));
        Assert.Equal("Change name", action.TextContent);
        Assert.Equal(" name", action.QuerySelector(".govuk-visually-hidden")!.TextContent);
        Assert.Contains("govuk-summary-list__row--no-actions", rows[1].ClassList);
        Assert.NotNull(rows[1].QuerySelector("dd strong.govuk-tag"));
    }

    [Fact]
    public async Task Pagination_MiddlePage_ShowsNeighboursEllipsesAndArrowLinks()
    {
        var root = Parse(await RenderAsync(new GovukPaginationTagHelper { CurrentPage = 5, TotalPages = 12, HrefFormat = "/cases?page={0}" }, "govuk-pagination"));

        var nav = root.QuerySelector("nav.govuk-pagination[aria-label=Pagination]")!;
        var items = nav.QuerySelectorAll("li.govuk-pagination__item").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["1", "⋯", "4", "5", "6", "⋯", "12"], items);
        var current = nav.QuerySelector("li.govuk-pagination__item--current a")!;
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal("/cases?page=5", current.GetAttribute("href"));
        Assert.Equal("/cases?page=4", nav.QuerySelector(".govuk-pagination__prev a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/cases?page=6", nav.QuerySelector(".govuk-pagination__next a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(string.Empty, (await RenderAsync(new GovukPaginationTagHelper { CurrentPage = 1, TotalPages = 1 }, "govuk-pagination")).Trim());
    }

    // ---- Helpers ----------------------------------------------------------------------

    private static T Field<T>(T helper, string expression, object? model, ModelStateDictionary modelState)
        where T : GovukFieldTagHelperBase
    {
        var type = model?.GetType() ?? typeof(string);
        helper.For = new ModelExpression(expression, MetadataProvider.GetModelExplorerForType(type, model));
        helper.ViewContext = ViewContextFor(new object(), modelState);
        return helper;
    }

    private static ViewContext ViewContextFor<TModel>(TModel model, ModelStateDictionary modelState) =>
        new() { ViewData = new ViewDataDictionary<TModel>(MetadataProvider, modelState) { Model = model } };

    private static TagHelperContext NewContext(string tagName) =>
        new(tagName, [], new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));

    private static async Task<string> RenderAsync(TagHelper helper, string tagName, TagHelperAttributeList? attributes = null, string childContent = "")
    {
        var output = new TagHelperOutput(tagName, attributes ?? [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(childContent);
            return Task.FromResult<TagHelperContent>(content);
        });
        await helper.ProcessAsync(NewContext(tagName), output);
        if (!output.IsContentModified)
        {
            // As Razor does when a tag helper leaves its content alone: render the child content.
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        return Write(output);
    }

    private static async Task RenderChildAsync(TagHelper child, TagHelperContext parent, string childContent)
    {
        var context = new TagHelperContext("govuk-summary-row", [], new Dictionary<object, object>(parent.Items), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput("govuk-summary-row", [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(childContent);
            return Task.FromResult<TagHelperContent>(content);
        });
        await child.ProcessAsync(context, output);
    }

    private static string Write(TagHelperOutput output)
    {
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;

    public sealed class TestPage
    {
        public TestInput Input { get; set; } = new();
    }

    public sealed class TestInput
    {
        public string? Name { get; set; }

        public DateParts Start { get; set; } = new();

        public string? Email { get; set; }
    }
}
