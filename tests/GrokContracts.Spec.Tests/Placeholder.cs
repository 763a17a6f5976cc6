namespace GrokContracts.Spec.Tests;
