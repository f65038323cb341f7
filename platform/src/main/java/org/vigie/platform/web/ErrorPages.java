package org.vigie.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that no controller answers are problems too: those Spring MVC forwards to {@code /error}
 * (a {@code sendError} from a filter or from the container), and those Tomcat answers on its own before
 * the application sees the request (a {@code %00} in the path: Tomcat's 400, rendered by its error
 * report valve, which is replaced here). Never Tomcat's HTML page, never Boot's bare JSON.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    /**
     * Replaces the host's error report valve (HTML) by one that writes problem+json. The host adds
     * its default valve as it starts, before its context: the context's start is where it is swapped.
     */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType()) || !(context.getParent() instanceof Host host)) return;
            if (host instanceof StandardHost standard) standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ProblemReportValve) return;
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            host.getPipeline().addValve(new ProblemReportValve());
        });
    }

    /** The answer of {@code /error}, for whatever status the request ended with. */
    @Hidden
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // asked for directly, not forwarded: there is no such resource
            int status = code instanceof Integer i ? i : 404;
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            String detail = status >= 500 || message == null || message.toString().isBlank()
                    ? ApiProblem.reason(status) : message.toString();
            response.resetBuffer();
            ApiProblem.write(response, status, ApiProblem.typeOf(status), ApiProblem.reason(status), detail, null);
        }
    }

    /** Tomcat's own error answers (before any servlet), as problem+json. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:vigie:problem:" + ApiProblem.typeOf(status));
            problem.put("title", ApiProblem.reason(status));
            problem.put("status", status);
            problem.put("detail", status == 400
                    ? "the request line is not valid (an encoded NUL or control character, or a malformed path)"
                    : ApiProblem.reason(status));
            if (status == 400) problem.put("field", "path");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(JsonMapper.shared().writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing more to say
            }
        }
    }
}
