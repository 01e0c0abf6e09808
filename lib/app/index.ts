export * from './netkit-app';
