// The minimal extension's popup: renders a constant verdict with the same
// Preact, in the element the benchmark waits for.
import { render } from "preact";

render(
  <main class="popup">
    <div class="verdict"><span class="level">High concern</span></div>
  </main>,
  document.getElementById("app")!,
);
