package com.salesos.admin.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * SLF4J's loggers (Micronaut's, the AWS SDK's, ours) writing through {@link LogLine}, so a library's
 * warning is one JSON line with the same level, message and correlation as ours. It replaces
 * slf4j-simple, which can only write text; a logging framework with a JSON layout (Logback plus an
 * encoder) would cost far more jar than these few classes.
 *
 * <p>Levels are fixed as slf4j-simple's were: INFO and up for {@code com.salesos}, WARN and up for
 * libraries. Lambda's ApplicationLogLevel can filter further on the {@code level} field.
 */
public final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, JsonLogger::new);
    }

    static final class JsonLogger extends LegacyAbstractLogger {

        private final int threshold;

        JsonLogger(String name) {
            this.name = name;
            this.threshold = (name.startsWith("com.salesos") ? Level.INFO : Level.WARN).toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return Level.TRACE.toInt() >= threshold;
        }

        @Override
        public boolean isDebugEnabled() {
            return Level.DEBUG.toInt() >= threshold;
        }

        @Override
        public boolean isInfoEnabled() {
            return Level.INFO.toInt() >= threshold;
        }

        @Override
        public boolean isWarnEnabled() {
            return Level.WARN.toInt() >= threshold;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, org.slf4j.Marker marker, String pattern,
                                                   Object[] arguments, Throwable throwable) {
            LogLine line = LogLine.at(LogLine.Level.valueOf(level.name()),
                    MessageFormatter.basicArrayFormat(pattern, arguments)).with("logger", name);
            if (throwable != null) {
                line.with("exception", Failures.describe(throwable));
            }
            line.write();
        }
    }
}
