using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;
using Nolan.Core.Kernel;
using Nolan.Core.Notifications;
using Nolan.Core.Protocols;
using Nolan.Web.Api;
using Nolan.Web.Security;

namespace Nolan.Web.Hosting;

/// <summary>Composition of the web host, and the admin command line.</summary>
public static class NolanHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Cli.IsCommand(args[0]))
        {
            return await Cli.RunAsync(args);
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Cli.Usage);
            return 0;
        }

        var app = Build(args);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var o = app.Services.GetRequiredService<IOptions<NolanOptions>>().Value;
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Nolan is running at {url}");
            }

            if (o.Demo)
            {
                Console.WriteLine($"Sign in with a demo account, for example member@southend-on-sea.demo or officer@southend-on-sea.demo, password {Nolan.Core.Demo.DemoDirectory.Password} (all accounts: README.md).");
            }
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Builds the web application. Arguments such as <c>--demo</c> and <c>--Nolan:Database:Provider=Postgres</c> apply.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Select(a => a == "--demo" ? "--Nolan:Demo=true" : a).ToArray());
        var services = builder.Services;
        services.Configure<NolanOptions>(builder.Configuration.GetSection("Nolan"));
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        // Single-flight caches (actor, council directory): an expired entry is reloaded once, not by every request.
        services.AddHybridCache();
        services.AddNolanDataStore();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NolanOptions>>().Value;
            var path = o.PresetsPath ?? Path.Combine(AppContext.BaseDirectory, "protocols");
            // A broken preset stops start-up here, naming file, line and key.
            return PresetLoader.LoadDirectory(path);
        });
        services.AddSingleton<ProtocolRegistry>();
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<Pages.Shared.PageFrames>();
        services.AddScoped<CouncilIdentity>();
        services.AddScoped<Absences>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Sessions>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<AccountService>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NolanOptions>>().Value.Audit.Load());
        services.AddScoped<EnquiryService>();
        services.AddScoped<EnquiryLists>();
        services.AddScoped<Core.Monitoring.MonthlyFigures>();
        services.AddScoped<Core.Monitoring.MonitoringReports>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NolanOptions>>().Value;
            return new MessageTemplates(o.TemplatesPath ?? Path.Combine(AppContext.BaseDirectory, "templates"));
        });
        services.AddSingleton(sp => new NotificationSettings { PublicUrl = sp.GetRequiredService<IOptions<NolanOptions>>().Value.PublicUrl });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NolanOptions>>().Value.Notify);
        services.AddSingleton<IValidateOptions<NolanOptions>, NotifyOptionsValidation>();
        services.AddSingleton<IValidateOptions<NolanOptions>, RetentionOptionsValidation>();
        services.AddOptions<NolanOptions>().ValidateOnStart();
        services.AddHttpClient<GovukNotifyClient>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<NotifySettings>().TimeoutSeconds));
        services.AddSingleton<IMessageSenderFactory>(sp => new ChannelSenderFactory(new Dictionary<MessageChannel, IMessageSenderFactory>
        {
            [MessageChannel.Email] = new SmtpSenderFactory(sp.GetRequiredService<IOptions<NolanOptions>>().Value.Smtp),
            [MessageChannel.GovukNotify] = new GovukNotifySenderFactory(sp.GetRequiredService<GovukNotifyClient>),
        }));
        services.AddScoped<Notifier>();
        services.AddSingleton(sp => new OutboxSettings
        {
            Lease = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<NolanOptions>>().Value.OutboxLeaseSeconds)),
        });
        services.AddScoped<OutboxDelivery>();
        // First: hosted services start in order, and the workers below must not run before the database is migrated.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<Duties>();
        services.AddScoped<ChangePipeline>();
        services.AddSingleton<IDutyItems, EnquiryDuties>();
        services.AddScoped<DutyReminders>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NolanOptions>>().Value.Digests);
        services.AddScoped<Digests>();
        services.AddHostedService<ReminderWorker>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<IdempotencyFilter>();
        services.AddHostedService<AuditSealer>();
        services.AddHostedService<IdempotencyPurge>();
        services.AddScoped<Core.DataProtection.Retention>();
        services.AddScoped<Core.DataProtection.SubjectAccess>();
        services.AddHostedService<DataProtection.RetentionWorker>();
        services.AddHostedService<Monitoring.MonthlyFiguresWorker>();

        // Keys in the database (Microsoft's EF Core key store), so any web node can read a cookie another issued.
        services.AddDataProtection().SetApplicationName("Nolan").PersistKeysToDbContext<Nolan.Core.DataStore.NolanDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "nolan";
                o.DefaultChallengeScheme = "nolan";
            })
            .AddPolicyScheme("nolan", "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api")
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.Name = "nolan";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddNolanOpenIdConnect(builder.Configuration.GetSection("Nolan:OpenIdConnect").Get<OpenIdConnectSettings>() ?? new());

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Member, p => p.RequireRole(NolanRoles.Member))
            .AddPolicy(Policies.Officer, p => p.RequireRole(NolanRoles.Officer))
            .AddPolicy(Policies.Hub, p => p.RequireRole(NolanRoles.Hub))
            .AddPolicy(Policies.LogsEnquiries, p => p.RequireRole(NolanRoles.Member, NolanRoles.Hub))
            .AddPolicy(Policies.MessageTemplates, p => p.RequireRole(NolanRoles.Hub, NolanRoles.SystemAdmin))
            .AddPolicy(Policies.SystemAdmin, p => p.RequireRole(NolanRoles.SystemAdmin))
            .AddPolicy(Policies.DataProtection, p => p.RequireRole(NolanRoles.DataProtection));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password guessing: limit sign-in attempts (POSTs) per address per minute.
            o.AddPolicy("sign-in", ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<NolanOptions>>().Value.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new Pages.NavigationFilter());
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/ResetPassword");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Help");
        });
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Nolan API";
            doc.Info.Description = "Members' enquiries and the council directory. Authenticate with `Authorization: Bearer nolan_...`; "
                + "send `Idempotency-Key` on writes; errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            // No Server header: it tells an attacker what to try.
            o.AddServerHeader = false;
        });

        var app = builder.Build();
        // Read from configuration here, not from the validated options: a start-up check elsewhere must not fail the build.
        var forwarded = app.Configuration.GetSection("Nolan:ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new();
        if (forwarded.Configured)
        {
            // Behind TLS termination: the client's address (rate limits) and scheme (Secure cookies, HSTS) as the
            // configured proxies report them, and nobody else.
            var fh = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            fh.KnownProxies.Clear();
            fh.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                fh.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                fh.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            app.UseForwardedHeaders(fh);
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only: browsers then refuse plain HTTP to Nolan for a year.
            app.UseHsts();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Two changes racing on one record (the same audit stream, a stale version): 409, never a 500.
            StatusCodeSelector = ex => ex is BadHttpRequestException b ? b.StatusCode
                : Core.DataStore.DatabaseErrors.IsRacingWrite(ex) ? StatusCodes.Status409Conflict : 500,
        });
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.MapEnquiryApi();
        api.MapDirectoryApi();
        api.MapNotificationApi();
        Pages.Shared.CouncilStyle.MapCouncilStyle(app);
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Stops start-up when a retention period cannot be meant (none, or negative), rather than removing data on a typo.</summary>
internal sealed class RetentionOptionsValidation : IValidateOptions<NolanOptions>
{
    public ValidateOptionsResult Validate(string? name, NolanOptions options) =>
        options.Retention.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

/// <summary>Stops start-up when a council is set to use GOV.UK Notify but the Notify settings cannot work.</summary>
internal sealed class NotifyOptionsValidation : IValidateOptions<NolanOptions>
{
    public ValidateOptionsResult Validate(string? name, NolanOptions options) =>
        options.Notify.Councils.Count > 0 && options.Notify.Problem() is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
