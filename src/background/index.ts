// The background's entry point: everything is registered by `main`.
import { main } from "./main";

void main();
