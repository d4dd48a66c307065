package io.demanager.application.service;

import io.demanager.application.port.in.WatchEventsUseCase.EventWatch;
import io.demanager.application.port.out.EventFeed;
import io.demanager.domain.instance.NumberedEvent;
import io.demanager.domain.instance.ProjectId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One reader of the feed: its position, and the news that events were written, which ends its wait early. Without
 * news it reads again when its patience runs out, in case news was lost.
 */
final class FeedWatch implements EventWatch {

    private final EventFeed feed;
    private final ProjectId project;
    private final Option<String> owner;
    private final EventFeed.Listening listening;
    private final Object news = new Object();
    private boolean written;
    private EventFeed.Position position;

    FeedWatch(EventFeed feed, ProjectId project, Option<String> owner, EventFeed.Position start) {
        this.feed = feed;
        this.project = project;
        this.owner = owner;
        this.position = start;
        this.listening = feed.whenEventsWritten(this::told);
    }

    @Override
    public List<NumberedEvent> next(int limit, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            synchronized (news) {
                written = false;
            }
            EventFeed.Page page = feed.after(project, owner, position, limit);
            position = page.next();
            if (!page.events().isEmpty()) {
                return page.events();
            }
            synchronized (news) {
                for (long left = deadline - System.nanoTime(); !written && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(news, left);
                }
                if (!written) {
                    return List.empty();
                }
            }
        }
    }

    @Override
    public void close() {
        listening.stop();
    }

    private void told() {
        synchronized (news) {
            written = true;
            news.notifyAll();
        }
    }
}
