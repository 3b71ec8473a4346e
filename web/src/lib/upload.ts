// Uploads with progress: fetch cannot report the bytes sent, XMLHttpRequest can. Same token, same errors
// as lib/api.ts.
import { ApiError, errorOf, session } from "./api";

/** An upload with progress of the bytes sent (fetch cannot report it). */
export function uploadWithProgress<T>(
  path: string,
  body: Blob | FormData,
  onProgress: (sent: number, total: number) => void,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    const token = session.token();
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    // A FormData body gets its multipart content type, with the boundary, from the browser.
    if (body instanceof Blob) xhr.setRequestHeader("content-type", "application/octet-stream");
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || (body instanceof Blob ? body.size : 0));
    xhr.onerror = () => reject(new ApiError(0, "network", "The server cannot be reached.", {}));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, data: data as T });
      reject(errorOf(xhr.status, data));
    };
    xhr.send(body);
  });
}
