/**
 * Starting a process: the database the configuration names (or the embedded one) with its migrations
 * applied. Apps start through here; libs/persistence stays behind the application layer.
 */
export { prepareRuntime, type Runtime } from '@forge/persistence';
