// One SignalR subscription to /hubs/events that survives disconnects without gaps or duplicates.
//
// The hub sends committed events in log order, each with its `position` (the cursor). The feed
// remembers the last one; after any disconnect it subscribes again from it, so the server sends
// exactly what was missed and then live events. Ids already delivered are dropped as well, which
// covers the overlap between a history page and the live start.

const RETRY_MS = [0, 500, 1000, 2000, 4000, 8000];
const MAX_SEEN = 20_000;

export class LiveFeed {
  /**
   * @param {string} key API key
   * @param {object} handlers { event, eventResolved, eventUpdated, eventDeleted, replayed, stats, resync, problemsChanged, state, resumed }
   */
  constructor(key, handlers) {
    this.key = key;
    this.handlers = handlers;
    this.filter = {};
    this.cursor = null;
    this.seen = new Set();
    this.stopped = true;
    this.connection = null;
    this.retries = 0;
  }

  /** Subscribes with the filter; resolves once the live start is known (events after it will arrive). */
  async start(filter) {
    await this.stop();
    this.filter = filter;
    this.cursor = null;
    this.seen.clear();
    this.stopped = false;
    await this.connect();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = null;
    if (connection) {
      await connection.stop();
    }
  }

  /** Marks ids the page already shows (a history page), so the live side does not repeat them. */
  markSeen(ids) {
    for (const id of ids) {
      this.seen.add(id);
    }
  }

  /** Drops the connection as a network failure would; the feed reconnects by itself (used by tests). */
  async drop() {
    await this.connection?.stop();
  }

  async connect() {
    const signalR = window.signalR;
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/events', { accessTokenFactory: () => this.key })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => RETRY_MS[Math.min(ctx.previousRetryCount, RETRY_MS.length - 1)] })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection = connection;

    connection.on('event', e => this.receive(e));
    for (const name of ['eventResolved', 'eventUpdated', 'eventDeleted', 'replayed', 'stats', 'resync', 'problemsChanged']) {
      connection.on(name, payload => this.handlers[name]?.(payload));
    }
    connection.onreconnecting(() => this.setState('reconnecting'));
    connection.onreconnected(() => this.resume(connection));
    connection.onclose(() => {
      if (this.connection === connection && !this.stopped) {
        this.setState('offline');
        this.scheduleReconnect();
      }
    });

    this.setState(this.cursor ? 'reconnecting' : 'connecting');
    try {
      await connection.start();
      await this.subscribe(connection);
      this.retries = 0;
      this.setState('live');
    } catch (error) {
      if (String(error).includes('invalid filter')) {
        this.stopped = true; // the server refuses the filter; retrying cannot help
      }
      if (this.connection === connection && !this.stopped) {
        console.warn('live feed: connect failed', error);
        this.setState('offline');
        await connection.stop().catch(() => {});
        this.scheduleReconnect();
      }
      if (!this.cursor) {
        throw error;
      }
    }
  }

  async subscribe(connection) {
    const result = await connection.invoke('SubscribeAsync', this.filter, this.cursor);
    // Events may arrive before the answer; never move the cursor back.
    this.cursor ??= result.after_cursor;
  }

  async resume(connection) {
    try {
      await this.subscribe(connection);
      this.setState('live');
      this.handlers.resumed?.();
    } catch (error) {
      console.warn('live feed: resubscribe failed', error);
      await connection.stop();
    }
  }

  scheduleReconnect() {
    clearTimeout(this.retryTimer);
    const delay = RETRY_MS[Math.min(++this.retries, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(async () => {
      if (this.stopped) return;
      try {
        await this.connect();
        this.handlers.resumed?.();
      } catch {
        // connect() already scheduled the next attempt.
      }
    }, delay);
  }

  receive(event) {
    if (event.position) {
      this.cursor = event.position;
    }
    if (this.seen.has(event.id)) {
      return;
    }
    this.seen.add(event.id);
    if (this.seen.size > MAX_SEEN) {
      // Sets iterate oldest first. Forgetting old ids is safe: resuming from the cursor never resends them.
      const oldest = this.seen.values();
      for (let i = 0; i < MAX_SEEN / 4; i++) this.seen.delete(oldest.next().value);
    }
    this.handlers.event?.(event);
  }

  setState(state) {
    this.state = state;
    this.handlers.state?.(state);
  }
}
