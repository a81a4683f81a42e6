using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using QaBot.Answering;

namespace QaBot.Host.Web;

/// <summary>
/// The last line: an exception no endpoint handled becomes a 500 with the error JSON and the reminder, never an empty
/// body. (The exception-handler middleware logs the exception at Error: that is a fault of ours to fix.)
/// </summary>
internal static class ErrorBackstop
{
    public const string Message = "Something went wrong on our side. Please try again in a moment.";

    public static IApplicationBuilder UseQaBotErrorBackstop(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var reminder = context.RequestServices.GetRequiredService<IOptions<AnsweringOptions>>().Value.Reminder;
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                var status = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                var message = status == StatusCodes.Status500InternalServerError ? Message : ClientFaultMiddleware.Message(status);
                return ClientFaultMiddleware.WriteAsync(context, status, message, reminder);
            },
        });
}
