import { DirectLine, type Activity, type Message } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable.js';
import type {
  AjaxCreationMethod,
  AjaxRequest,
  AjaxResponse,
} from 'rxjs/observable/dom/AjaxObservable.js';

// botframework-directlinejs sends its HTTP requests through rxjs's XMLHttpRequest-based ajax,
// which Node does not have. The client takes its `ajax` service as a constructor option (the
// seam its own tests use); this one speaks fetch and reports HTTP errors the way rxjs does
// (`status`, `xhr.getResponseHeader`), so the client's retry and token logic run unchanged.

function fetchAjax(): AjaxCreationMethod {
  const call = (request: string | AjaxRequest): Observable<AjaxResponse> =>
    new Observable<AjaxResponse>((subscriber) => {
      const req: AjaxRequest = typeof request === 'string' ? { url: request } : request;
      const controller = new AbortController();
      const headers = (req.headers ?? {}) as Record<string, string>;
      const body = req.body === undefined ? undefined : JSON.stringify(req.body);
      fetch(req.url ?? '', {
        method: req.method ?? 'GET',
        headers,
        body,
        signal: controller.signal,
      })
        .then(async (res) => {
          const text = await res.text();
          const result = {
            status: res.status,
            response: text === '' ? null : (JSON.parse(text) as unknown),
            responseText: text,
            request: req,
            xhr: { getResponseHeader: (name: string) => res.headers.get(name) },
          };
          if (!res.ok) {
            subscriber.error(result);
            return;
          }
          subscriber.next(result as unknown as AjaxResponse);
          subscriber.complete();
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) subscriber.error({ status: 0, error });
        });
      return () => controller.abort();
    });
  const unused = (): never => {
    throw new Error('DirectLine gebruikt alleen de aanroep zelf');
  };
  return Object.assign(call, {
    get: unused,
    post: unused,
    put: unused,
    patch: unused,
    delete: unused,
    getJSON: unused,
  });
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  conversationId?: string;
}

/** The official Direct Line client with its own polling, pointed at our server. */
export class TestClient {
  readonly directLine: DirectLine;
  readonly received: Activity[] = [];
  readonly errors: unknown[] = [];

  constructor(options: ClientOptions) {
    this.directLine = new DirectLine({
      domain: `${options.baseUrl}/v3/directline`,
      token: options.token,
      conversationId: options.conversationId,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax(),
    });
    this.directLine.activity$.subscribe({
      next: (activity) => this.received.push(activity),
      // end() finishes the stream with "conversation ended"; that is how a client stops.
      error: (error: unknown) => this.errors.push(error),
    });
  }

  post(activity: Partial<Message>): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine.postActivity({ type: 'message', from: { id: '' }, ...activity }).subscribe({
        next: resolve,
        error: (error: unknown) => reject(new Error(`post mislukt: ${JSON.stringify(error)}`)),
      });
    });
  }

  /** Waits until an activity matching `predicate` has arrived. */
  async waitFor(predicate: (activity: Activity) => boolean, timeoutMs = 10_000): Promise<Activity> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`geen passende activity binnen ${timeoutMs} ms`);
  }

  end(): void {
    this.directLine.end();
  }
}

export function isBotMessage(activity: Activity): activity is Message {
  return activity.type === 'message' && activity.from.role === 'bot';
}
