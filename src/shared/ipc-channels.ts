// IPC channel names, derived from contract names so the preload and main agree by construction.
export const IPC_CALL_PREFIX = 'stint:call:'
export const IPC_EVENT_PREFIX = 'stint:event:'
