export * from './netkit-app';
export { appScopeProblems, SYSTEM_NAMESPACES } from './app-scope';
export { recoverInterruptedPublish, transactionDirectory } from './output-transaction';
export * from './props';
