import { httpError } from "~/utils/http.ts";

export function loader() {
  throw httpError(404);
}

export default function NotFound() {
  return null;
}
